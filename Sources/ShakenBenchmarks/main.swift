print("shaken-bench")
