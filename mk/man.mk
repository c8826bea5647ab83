# Man pages: mdoc(7) sources in man/, one man3 page per API group plus the
# libnodec(7) overview.  The other names a page documents get link pages at
# install time, made by scripts/man-links.sh from the page's NAME section.
#
#   make check-man       lint every page with groff, and check that every
#                        public function has a page; needs no build
#   make install-man     install pages and link pages under $(MANDIR)
#   make uninstall-man   remove them

MAN1 := $(sort $(wildcard man/*.1))
MAN3 := $(sort $(wildcard man/*.3))
MAN7 := $(sort $(wildcard man/*.7))
MAN_PAGES := $(MAN1) $(MAN3) $(MAN7)
MAN_HEADERS := include/nodec.h $(sort $(wildcard include/nodec/*.h))

.PHONY: check-man install-man uninstall-man

# Lint: groff must say nothing.  .Dt must match the file name.  No link page
# may collide with a page or another link.  Every function declared
# ND_EXTERN must be in some page's NAME (.Nm) and SYNOPSIS (.Fn or .Fo).
check-man:
	$(quiet) LINT man
	$(Q)command -v groff >/dev/null || { echo "check-man: groff is needed" >&2; exit 1; }; \
	fail=0; \
	for p in $(MAN_PAGES); do \
		out=$$(groff -mdoc -ww -z $$p 2>&1) && [ -z "$$out" ] || { \
			printf '%s: groff -mdoc -ww:\n%s\n' $$p "$$out" >&2; fail=1; }; \
		f=$${p##*/}; dt=$$(sed -n 's/^\.Dt //p' $$p); \
		[ "$$dt" = "$$(echo $${f%.*} $${f##*.} | tr a-z A-Z)" ] || { \
			echo "$$p: .Dt '$$dt' does not match the file name" >&2; fail=1; }; \
	done; \
	dups=$$( { scripts/man-links.sh $(MAN_PAGES); \
		for p in $(MAN_PAGES); do echo $${p##*/}; done; } | sort | uniq -d); \
	[ -z "$$dups" ] || { echo "man: documented twice:" $$dups >&2; fail=1; }; \
	for fn in $$(sed -n 's/^ND_EXTERN .*[ *]\(nd_[a-z0-9_]*\)(.*/\1/p' $(MAN_HEADERS)); do \
		grep -Eq "^\.Nm $$fn( ,)?$$" $(MAN_PAGES) && \
		grep -Eq "^\.F[no] $$fn( |$$)" $(MAN_PAGES) || { \
			echo "$$fn: not documented in man/ (.Nm and .Fn)" >&2; fail=1; }; \
	done; \
	exit $$fail

install-man:
	$(quiet) INSTALL "$(DESTDIR)$(MANDIR)"
	$(Q)install -d $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man3 \
		$(DESTDIR)$(MANDIR)/man7
	$(Q)install -m 644 $(MAN1) $(DESTDIR)$(MANDIR)/man1/
	$(Q)install -m 644 $(MAN3) $(DESTDIR)$(MANDIR)/man3/
	$(Q)install -m 644 $(MAN7) $(DESTDIR)$(MANDIR)/man7/
	$(Q)scripts/man-links.sh -o $(DESTDIR)$(MANDIR) $(MAN_PAGES)

uninstall-man:
	$(quiet) RM "$(DESTDIR)$(MANDIR)"
	$(Q)for f in $(notdir $(MAN_PAGES)) $$(scripts/man-links.sh $(MAN_PAGES)); do \
		rm -f "$(DESTDIR)$(MANDIR)/man$${f##*.}/$$f"; \
	done
