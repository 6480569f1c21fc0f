import time
import nosuchmodule
