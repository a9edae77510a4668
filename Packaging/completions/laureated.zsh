#compdef laureated
# zsh completion for laureated, written by hand: argument-parser's zsh generator gives a root
# command with a positional list (laureated --check FILE…) an implicit help subcommand as well,
# and zsh then refuses every completion ("doubled rest argument definition"). GeneratedDocsTests
# checks that this file names every option laureated --help lists.

_laureated() {
    local -a levels=(trace debug info notice warning error critical)
    _arguments -s -S \
        '--socket[Socket path]:socket:_files' \
        '--varlink-socket[Also serve varlink (io.laureated.Dataset) on this socket path]:varlink socket:_files' \
        '*--dataset[A dataset file (JSON array, JSON Lines, CSV); repeat to merge several]:dataset:_files -g "*.(json|jsonl|csv)"' \
        '--config[A KEY=value settings file]:config:_files' \
        "--log-level[Lowest log level]:log-level:(${levels[*]})" \
        '--allow-unknown-sector[Keep official-export rows whose filiere maps to no sector]' \
        '--check[Validate the dataset files given as arguments (or --dataset), print a summary, and exit]' \
        '--print-defaults[Print the settings file with every setting at its default, and exit]' \
        '--version[Show the version]' \
        '(-h --help)'{-h,--help}'[Show help information]' \
        '*:files:_files -g "*.(json|jsonl|csv)"'
}

if [[ "${funcstack[1]}" = _laureated ]]; then
    _laureated "${@}"
else
    compdef _laureated laureated
fi
