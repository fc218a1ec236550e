import gdb
out = open("/tmp/fuzzinv/fpwalk.txt", "a")
for th in gdb.selected_inferior().threads():
    th.switch()
    f = gdb.newest_frame()
    pcs = [int(f.pc())]
    rbp = int(gdb.parse_and_eval("$rbp"))
    for _ in range(200):
        if rbp == 0: break
        try:
            ret = int(gdb.parse_and_eval(f"*(unsigned long*)({rbp}+8)"))
            rbp = int(gdb.parse_and_eval(f"*(unsigned long*)({rbp})"))
        except gdb.MemoryError:
            break
        pcs.append(ret)
    out.write("THREAD %d %s\n" % (th.num, " ".join(hex(p) for p in pcs)))
out.write("END\n")
out.close()
