# The README's headless command blocks, run as a newcomer would type them, sourced by
# product-tests.sh (which defines pass, fail and $out). Every ```sh block of README.md after
# "The two commands" (those two are what ./test.sh and the window tests already are) runs line
# by line as from the checkout's root (a folder of its own, whose ./custops, examples/ and releng/ link to
# the checkout's, so that what the commands write, reports/ and winback.xlsx, stays out of it), with the machine's default java on the PATH and no JAVA_HOME
# (the scripts pick a JDK themselves), in a home of its own: HOME is a fresh folder whose .m2
# links to the real Maven repository, so that $HOME/reports and ~/.custops of the README land
# there and nothing of the user's is touched. A line that exits non-zero fails the test, naming
# the line.

# Prints the README's sh blocks, one command per line (backslash continuations joined), after
# the first block.
readme_commands() {
	python3 - "$1" <<-'PY'
		import re, sys
		text = open(sys.argv[1], encoding="utf-8").read()
		blocks = re.findall(r"^```sh\n(.*?)^```", text, flags=re.S | re.M)
		for block in blocks[1:]:
		    command = ""
		    for line in block.splitlines():
		        command += line
		        if command.endswith("\\"):
		            command = command[:-1] + " "
		            continue
		        command = command.strip()
		        if command:
		            print(command)
		        command = ""
	PY
}

readme_tests() {
	local rout=$out/readme home start rc n=0 line ms
	rm -rf "$rout"; mkdir -p "$rout"
	home=$rout/home
	mkdir -p "$home"
	ln -s "${HOME}/.m2" "$home/.m2"
	mkdir -p "$rout/cwd"
	ln -s "$CUSTOPS_ROOT/custops" "$rout/cwd/custops"
	ln -s "$CUSTOPS_ROOT/examples" "$rout/cwd/examples"
	ln -s "$CUSTOPS_ROOT/releng" "$rout/cwd/releng" # the example builds against ../../releng
	readme_commands "$CUSTOPS_ROOT/README.md" > "$rout/commands.txt" || { fail "README: could not read its command blocks"; return; }
	[ -s "$rout/commands.txt" ] || { fail "README: no sh command blocks found"; return; }
	start=$(date +%s%N)
	while IFS= read -r line; do
		n=$((n + 1))
		# a subshell per line, as a terminal: no JAVA_HOME, the default PATH's java, the test's own home
		(cd "$rout/cwd" && env -u JAVA_HOME -u CUSTOPS_HOME -u CUSTOPS_WORKSPACE -u CUSTOPS_DEMO_CUSTOMERS \
			HOME="$home" CUSTOPS_NO_BUILD=1 bash -c "$line") > "$rout/$n.out" 2> "$rout/$n.err" < /dev/null
		rc=$?
		if [ $rc -ne 0 ]; then
			fail "README line $n exits $rc: $line: $(tail -c 400 "$rout/$n.err")"
			return
		fi
	done < "$rout/commands.txt"
	ms=$(( ($(date +%s%N) - start) / 1000000 ))
	pass "README: its $n headless commands run as written, on the default java, in a fresh home (${ms} ms)"
}
