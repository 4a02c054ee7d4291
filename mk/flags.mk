# mk/flags.mk - warnings are errors, under gcc and clang
WARN      = -Wall -Wextra -Werror -Wformat=2 -Wshadow -Wstrict-prototypes \
            -Wmissing-prototypes -Wvla -Wimplicit-fallthrough -Wnull-dereference \
            -Wno-unused-parameter
CSTD      = -std=gnu11 -D_GNU_SOURCE
HARDEN    = -fstack-protector-strong
OPT       ?= -O2 -g
ifeq ($(SANITIZE),)
HARDEN   += -D_FORTIFY_SOURCE=2
else
OPT       = -O1 -g -fno-omit-frame-pointer
SANFLAGS  = -fsanitize=address,undefined -fno-sanitize-recover=all
endif
CPPFLAGS  += -Iinclude -I$(O)/gen
CFLAGS    ?=
CFLAGS    += $(CSTD) $(WARN) $(OPT) $(HARDEN) $(SANFLAGS) $(EXTRA_CFLAGS) -MMD -MP
LDFLAGS   += $(SANFLAGS)
ifneq ($(STATIC),)
EXE_LDFLAGS = -static
else
EXE_LDFLAGS = -pie -Wl,-z,relro,-z,now
EXE_CFLAGS  = -fPIE
endif
