#!/usr/bin/env bats
# SPDX-License-Identifier: BSD-2-Clause
# tests/cli/chmod.bats - capbox chmod against GNU chmod, escapes, fds
bats_require_minimum_version 1.5.0

# Environment, fixtures and the GNU comparison: helpers/fs.bash.
load helpers/fs

@test "chmod: octal and symbolic modes" {
	fixture 'touch f g h && chmod 644 f g h && mkdir d && chmod 2755 d'
	differ chmod 600 f
	differ chmod -v u+x,g-r,o=u g
	differ chmod -c a-w h
	differ chmod -v 755 d
	differ chmod -v 0755 d
	differ chmod -v 00755 d
	differ chmod -v g+s,+t d
}

@test "chmod: mode-like options and the umask" {
	fixture 'touch f && chmod 666 f'
	(umask 022; differ chmod -w f)
	(umask 022; differ chmod +w f)
	differ chmod -x,u+x f
}

@test "chmod: -R changes a tree, not what symlinks point to" {
	fixture 'mkdir -p t/a && touch t/f t/a/g && ln -s ../f t/a/l && touch outside && chmod 600 outside && ln -s ../outside t/out'
	differ chmod -Rv 750 t
	run -0 stat -c %a c/outside
	expect_output 600
}

@test "chmod: errors" {
	fixture 'touch f && ln -s nowhere dl'
	differ chmod xyz f
	differ chmod 644
	differ chmod
	differ chmod 644 nope f
	differ chmod 644 dl
	differ chmod 8 f
}

@test "chmod: --reference" {
	fixture 'touch r f && chmod 741 r'
	differ chmod --reference=r f
	differ chmod --reference=nope f
}

@test "chmod: a symlink operand pointing outside its directory is followed" {
	mkdir d && touch target && chmod 600 target && ln -s ../target d/l
	run -0 "$CAPBOX" chmod 640 d/l
	run -0 stat -c %a target
	expect_output 640
}

@test "chmod: enters capability mode" {
	touch f
	entered chmod 600 f
}
