# --cores 0 under --sim.
# hostile-args: --sim --cores 0
# hostile-exit: 2
# hostile-stderr: --cores

print(1)
