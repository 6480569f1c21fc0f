x = '\N{NOT A CHAR NAME}'
