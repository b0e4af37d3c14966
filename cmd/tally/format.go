package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
)

// formatFlag is the --format flag: one of the formats a subcommand can
// write, the first being the default.
type formatFlag struct {
	value   string
	allowed []string
}

func (f *formatFlag) String() string { return f.value }

func (f *formatFlag) Set(s string) error {
	if !slices.Contains(f.allowed, s) {
		return fmt.Errorf("want %s", strings.Join(f.allowed, ", "))
	}
	f.value = s
	return nil
}

// formatHelp says what each format writes.
var formatHelp = map[string]string{
	"text":     "text for people",
	"table":    "a table for people",
	"json":     "one JSON document",
	"jsonl":    "one JSON object a line",
	"csv":      "CSV with a header row",
	"markdown": "a Markdown table",
}

// format adds --format, with the formats the subcommand has (the first
// is the default).
func (fs *flagSet) format(formats ...string) *formatFlag {
	f := &formatFlag{value: formats[0], allowed: formats}
	var help []string
	for _, name := range formats {
		help = append(help, name+" ("+formatHelp[name]+")")
	}
	fs.Var(f, "format", "output format: "+strings.Join(help, ", "))
	return f
}

// alias adds a boolean flag that stands for --format value, kept for
// command lines written before --format.
func (f *formatFlag) alias(fs *flagSet, name, value string) {
	fs.BoolFunc(name, "same as --format "+value+" (deprecated)", func(string) error {
		f.value = value
		return nil
	})
}

// docWriter writes a list of values as one JSON array (json) or as one
// JSON object a line (jsonl). The array is closed by close, also when it
// is empty, so that the output is one valid document.
type docWriter struct {
	w      io.Writer
	format string
	n      int
}

func newDocWriter(w io.Writer, format string) *docWriter {
	return &docWriter{w: w, format: format}
}

// write writes v (json.RawMessage for JSON made elsewhere).
func (d *docWriter) write(v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if d.format == "json" {
		enc.SetIndent("  ", "  ")
		if d.n == 0 {
			buf.WriteString("[\n  ")
		} else {
			buf.WriteString(",\n  ")
		}
	}
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	out := buf.Bytes()
	if d.format == "json" {
		out = bytes.TrimSuffix(out, []byte("\n"))
	}
	d.n++
	if _, err := d.w.Write(out); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}

// close ends a JSON array.
func (d *docWriter) close() error {
	if d.format != "json" {
		return nil
	}
	end := "\n]\n"
	if d.n == 0 {
		end = "[]\n"
	}
	if _, err := io.WriteString(d.w, end); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}

// jsonArrayWriter turns JSON Lines written to it into one JSON array, for
// writers that only write JSON Lines (corpus.Export).
type jsonArrayWriter struct {
	d       *docWriter
	partial []byte
}

func (j *jsonArrayWriter) Write(p []byte) (int, error) {
	j.partial = append(j.partial, p...)
	for {
		i := bytes.IndexByte(j.partial, '\n')
		if i < 0 {
			return len(p), nil
		}
		if line := bytes.TrimSpace(j.partial[:i]); len(line) > 0 {
			if err := j.d.write(json.RawMessage(line)); err != nil {
				return 0, err
			}
		}
		j.partial = j.partial[i+1:]
	}
}

// close writes what is left and ends the array.
func (j *jsonArrayWriter) close() error {
	if line := bytes.TrimSpace(j.partial); len(line) > 0 {
		if err := j.d.write(json.RawMessage(line)); err != nil {
			return err
		}
	}
	return j.d.close()
}
