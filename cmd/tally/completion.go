package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
)

// completionFlag is one flag of a subcommand, for completion scripts.
type completionFlag struct {
	name, usage string
	takesValue  bool
}

// commandFlags returns the flags of each subcommand, found by running it
// with a flag set that only collects them.
func commandFlags(ctx context.Context, e *env) (map[string][]completionFlag, error) {
	all := map[string][]completionFlag{}
	for _, c := range e.commands {
		var flags []completionFlag
		ce := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, logger: e.logger, cmd: c, commands: e.commands,
			collectFlags: func(fs *flag.FlagSet) {
				fs.VisitAll(func(f *flag.Flag) {
					flags = append(flags, completionFlag{f.Name, f.Usage, !isBoolFlag(f)})
				})
			}}
		if err := c.run(ctx, ce, nil); !errors.Is(err, errFlagsCollected) {
			return nil, fmt.Errorf("flags of %s: %v", c.name, err)
		}
		sort.Slice(flags, func(i, j int) bool { return flags[i].name < flags[j].name })
		all[c.name] = flags
	}
	return all, nil
}

func runCompletion(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return e.usageErrorf("completion: name one shell: bash, zsh or fish")
	}
	write, ok := map[string]func(io.Writer, []*command, map[string][]completionFlag){
		"bash": bashCompletion, "zsh": zshCompletion, "fish": fishCompletion,
	}[fs.Arg(0)]
	if !ok {
		return e.usageErrorf("completion: unknown shell %q: want bash, zsh or fish", fs.Arg(0))
	}
	flags, err := commandFlags(ctx, e)
	if err != nil {
		return fmt.Errorf("completion: %w", err)
	}
	write(e.stdout, e.commands, flags)
	return nil
}

// completionWords are what may follow "tally" besides the subcommands.
var completionWords = []string{"help", "--help", "--version"}

func commandNames(cmds []*command) []string {
	names := make([]string, len(cmds))
	for i, c := range cmds {
		names[i] = c.name
	}
	return names
}

func bashCompletion(w io.Writer, cmds []*command, flags map[string][]completionFlag) {
	fmt.Fprintf(w, `# bash completion for tally (tally completion bash)
_tally() {
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	if [ "$COMP_CWORD" -eq 1 ]; then
		COMPREPLY=($(compgen -W %s -- "$cur"))
		return
	fi
	local flags="" valued=""
	case "${COMP_WORDS[1]}" in
`, shellQuote(strings.Join(append(commandNames(cmds), completionWords...), " ")))
	for _, c := range cmds {
		if c.name == "completion" {
			fmt.Fprint(w, "\tcompletion) COMPREPLY=($(compgen -W \"bash zsh fish\" -- \"$cur\")); return ;;\n")
			continue
		}
		var names, valued []string
		for _, f := range flags[c.name] {
			names = append(names, "--"+f.name)
			if f.takesValue {
				valued = append(valued, "--"+f.name)
			}
		}
		fmt.Fprintf(w, "\t%s) flags=%s; valued=%s ;;\n", c.name, shellQuote(strings.Join(names, " ")), shellQuote(strings.Join(valued, " ")))
	}
	fmt.Fprint(w, `	help) COMPREPLY=($(compgen -W `+shellQuote(strings.Join(commandNames(cmds), " "))+` -- "$cur")); return ;;
	esac
	case " $valued " in
	*" $prev "*) COMPREPLY=($(compgen -f -- "$cur")); return ;;
	esac
	case "$cur" in
	-*) COMPREPLY=($(compgen -W "$flags" -- "$cur")) ;;
	*) COMPREPLY=($(compgen -f -- "$cur")) ;;
	esac
}
complete -o filenames -F _tally tally
`)
}

func zshCompletion(w io.Writer, cmds []*command, flags map[string][]completionFlag) {
	fmt.Fprint(w, "#compdef tally\n# zsh completion for tally (tally completion zsh)\n_tally() {\n\tlocal -a commands\n\tcommands=(\n")
	for _, c := range cmds {
		fmt.Fprintf(w, "\t\t%s\n", shellQuote(c.name+":"+c.short))
	}
	fmt.Fprint(w, "\t)\n\tif (( CURRENT == 2 )); then\n\t\t_describe 'subcommand' commands\n\t\treturn\n\tfi\n\tcase $words[2] in\n")
	for _, c := range cmds {
		fmt.Fprintf(w, "\t%s)\n\t\t_arguments \\\n", c.name)
		for _, f := range flags[c.name] {
			spec := "--" + f.name + "[" + zshEscape(f.usage) + "]"
			if f.takesValue {
				spec += ":" + f.name + ":_files"
			}
			fmt.Fprintf(w, "\t\t\t%s \\\n", shellQuote(spec))
		}
		fmt.Fprint(w, "\t\t\t'*:file:_files' ;;\n")
	}
	fmt.Fprint(w, "\tesac\n}\ncompdef _tally tally\n")
}

func fishCompletion(w io.Writer, cmds []*command, flags map[string][]completionFlag) {
	fmt.Fprint(w, "# fish completion for tally (tally completion fish)\n")
	for _, c := range cmds {
		fmt.Fprintf(w, "complete -c tally -n __fish_use_subcommand -f -a %s -d %s\n", shellQuote(c.name), shellQuote(c.short))
	}
	for _, c := range cmds {
		for _, f := range flags[c.name] {
			req := ""
			if f.takesValue {
				req = " -r"
			}
			fmt.Fprintf(w, "complete -c tally -n %s -l %s%s -d %s\n",
				shellQuote("__fish_seen_subcommand_from "+c.name), f.name, req, shellQuote(firstLine(f.usage)))
		}
	}
}

// shellQuote quotes s for bash, zsh and fish: in single quotes, with
// single quotes inside written as '\”.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// zshEscape makes a flag's help safe inside _arguments' [description].
func zshEscape(s string) string {
	return strings.NewReplacer("[", "(", "]", ")", ":", "\\:", "\\", "\\\\").Replace(firstLine(s))
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
