# tests/compat/build.mk - capability mode on older and reduced kernels
CHECK_TARGETS += check-compat
.PHONY: check-compat

$(O)/tests/compat/fakekernel: tests/compat/fakekernel.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(EXE_CFLAGS) $(EXE_LDFLAGS) $(LDFLAGS) -o $@ $<

$(O)/tests/compat/probe: tests/compat/probe.c $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(EXE_CFLAGS) $(EXE_LDFLAGS) $(LDFLAGS) -o $@ $< $(LIB_LINK)

check-compat: $(O)/tests/compat/fakekernel $(O)/tests/compat/probe
	ASAN_OPTIONS=detect_leaks=0 sh tests/compat/run.sh $(O)
