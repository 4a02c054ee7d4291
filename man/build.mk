# man/build.mk - manual pages (mdoc): install them, lint them
#
# Every man/NAME.N is a page of section N.  MLINKS pairs a page with the
# other names it documents; each becomes a symbolic link next to the page.
MAN_PAGES := $(wildcard man/*.[1-8])

MLINKS := \
	cap_enter.3 cap_getmode.3 \
	cap_enter.3 cap_sandboxed.3 \
	cap_rights_limit.3 cap_rights_get.3 \
	cap_ioctls_limit.3 cap_ioctls_get.3 \
	cap_fcntls_limit.3 cap_fcntls_get.3 \
	cap_rights_init.3 cap_rights_set.3 \
	cap_rights_init.3 cap_rights_clear.3 \
	cap_rights_init.3 cap_rights_is_set.3 \
	cap_rights_init.3 cap_rights_is_valid.3 \
	cap_rights_init.3 cap_rights_is_empty.3 \
	cap_rights_init.3 cap_rights_merge.3 \
	cap_rights_init.3 cap_rights_remove.3 \
	cap_rights_init.3 cap_rights_contains.3 \
	pdfork.3 pdkill.3 \
	pdfork.3 pdgetpid.3 \
	pdfork.3 pdwait4.3 \
	capsicum_helpers.3 caph_enter.3 \
	capsicum_helpers.3 caph_enter_casper.3 \
	capsicum_helpers.3 caph_rights_limit.3 \
	capsicum_helpers.3 caph_ioctls_limit.3 \
	capsicum_helpers.3 caph_fcntls_limit.3 \
	capsicum_helpers.3 caph_limit_stream.3 \
	capsicum_helpers.3 caph_limit_stdin.3 \
	capsicum_helpers.3 caph_limit_stdout.3 \
	capsicum_helpers.3 caph_limit_stderr.3 \
	capsicum_helpers.3 caph_limit_stdio.3 \
	capsicum_helpers.3 caph_cache_tzdata.3 \
	capsicum_helpers.3 caph_cache_catpages.3 \
	cap_fileargs.3 fileargs_init.3 \
	cap_fileargs.3 fileargs_cinit.3 \
	cap_fileargs.3 fileargs_lstat.3 \
	cap_fileargs.3 fileargs_open.3 \
	cap_fileargs.3 fileargs_fopen.3 \
	cap_fileargs.3 fileargs_realpath.3 \
	cap_fileargs.3 fileargs_free.3 \
	libcasper.3 cap_init.3 \
	libcasper.3 cap_service_open.3 \
	libcasper.3 cap_close.3 \
	cap_mode.3 cap_mode_status.3 \
	cap_mode.3 cap_mode_status_format.3 \
	cap_mode.3 cap_mode_set_strict.3 \
	cap_mode.3 cap_mode_strerror.3 \
	cap_mode.3 cap_mode_guarantee_name.3

INSTALL_TARGETS += install-man
CHECK_TARGETS   += check-man

.PHONY: install-man check-man

install-man:
	set -e; for p in $(MAN_PAGES); do \
	    s=$${p##*.}; \
	    install -d $(DESTDIR)$(MANDIR)/man$$s; \
	    install -m 644 $$p $(DESTDIR)$(MANDIR)/man$$s/; \
	done
	set -e; set -- $(MLINKS); while [ $$# -ge 2 ]; do \
	    d=$(DESTDIR)$(MANDIR)/man$${1##*.}; \
	    if [ -f man/$$1 ]; then ln -sf $$1 $$d/$$2; fi; \
	    shift 2; \
	done

# The functions the installed headers declare (the macros of the rights
# algebra and FreeBSD's static inline caph_* included).
MAN_HEADERS := $(or $(LIB_HEADERS),$(wildcard include/*.h include/*/*.h))
# The sed script that lists them (run in the recipe: make would count its
# parentheses).
MAN_FUNCS_SED := -e 's/^\#define[ \t]+([a-z][a-z0-9_]*)[(].*/\1/p' \
	-e 's/^([a-z][a-z0-9_]*)[(].*/\1/p' \
	-e 's/^[a-zA-Z_][a-zA-Z0-9_ ]*[ \t*]+\**([a-z][a-z0-9_]*)[(].*/\1/p'

# Every page passes mandoc's linter at the warning level, every link
# points at a page that exists, and every public function has a page.
check-man:
	@fail=0; \
	if command -v mandoc >/dev/null; then \
	    for p in $(MAN_PAGES); do \
	        mandoc -T lint -W warning $$p || { \
	            echo "check-man: $$p has warnings" >&2; fail=1; }; \
	    done; \
	else \
	    echo "check-man: SKIP lint (mandoc is not installed:" \
	        "apt-get install mandoc)"; \
	fi; \
	set -- $(MLINKS); while [ $$# -ge 2 ]; do \
	    [ -f man/$$1 ] || { \
	        echo "check-man: link $$2 -> missing man/$$1" >&2; fail=1; }; \
	    shift 2; \
	done; \
	funcs=$$(sed -n -E $(MAN_FUNCS_SED) $(MAN_HEADERS) | sort -u); \
	nfuncs=0; \
	for f in $$funcs; do \
	    nfuncs=$$((nfuncs + 1)); \
	    [ -f man/$$f.3 ] && continue; \
	    case " $(MLINKS) " in *" $$f.3 "*) continue ;; esac; \
	    echo "check-man: $$f has no manual page or link" >&2; fail=1; \
	done; \
	[ $$fail = 0 ] && echo "check-man: $(words $(MAN_PAGES)) pages," \
	    "$$nfuncs functions documented"; \
	exit $$fail
