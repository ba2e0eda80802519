// Command gen writes a synthetic handbook for benchmarks:
//
//	go run ./internal/synthetic/gen -pages 1000 -terms 100 DIR
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/handbuch/handbuch/internal/synthetic"
)

func main() {
	pages := flag.Int("pages", 1000, "number of chapters")
	terms := flag.Int("terms", 100, "number of glossary terms")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "Aufruf: gen [-pages N] [-terms M] ORDNER")
		os.Exit(2)
	}
	if err := synthetic.Write(flag.Arg(0), synthetic.Project(*pages, *terms)); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
