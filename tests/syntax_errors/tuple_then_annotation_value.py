_, pipe = await connect:(
    1)
