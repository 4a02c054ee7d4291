# bench/build.mk - benchmarks (make bench); never part of make check
BENCH_TARGETS += bench-lib

$(O)/bench/capmode_bench: bench/capmode_bench.c $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(EXE_CFLAGS) $(EXE_LDFLAGS) $(LDFLAGS) -o $@ $< $(LIB_LINK)

.PHONY: bench-lib
bench-lib: $(O)/bench/capmode_bench
	@echo "== libcap_mode: cost of capability mode =="
	$(O)/bench/capmode_bench
