function __laureated_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __laureated_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __laureated_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __laureated_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __laureated_parse_tokens -S
    set -l unparsed_tokens (__laureated_tokens -pc)
    switch $unparsed_tokens[1]
    case 'laureated'
        __laureated_parse_subcommand -r 1 'socket=' 'varlink-socket=' 'dataset=+' 'config=' 'log-level=' 'allow-unknown-sector' 'check' 'print-defaults' 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'help'
            __laureated_parse_subcommand -r 1 'version'
        end
    end
end

function __laureated_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __laureated_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __laureated_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __laureated_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__laureated_tokens -p)
    if test -z "$(__laureated_tokens -t)"
        set -l index (count (__laureated_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'laureated' -f
complete -c 'laureated' -n '__laureated_should_offer_completions_for_flags_or_options "laureated" socket' -l 'socket' -d 'Socket path (default: /run/laureated/laureated.sock, or $XDG_RUNTIME_DIR/laureated.sock).' -rF
complete -c 'laureated' -n '__laureated_should_offer_completions_for_flags_or_options "laureated" varlink-socket' -l 'varlink-socket' -d 'Also serve varlink (io.laureated.Dataset) on this socket path. Default: none, unless socket-activated.' -rF
complete -c 'laureated' -n '__laureated_should_offer_completions_for_flags_or_options "laureated"' -l 'dataset' -d 'A dataset file (JSON array, JSON Lines, CSV); repeat to merge several. Default: the embedded data.' -rfa '(set -l exts \'json\' \'jsonl\' \'csv\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'laureated' -n '__laureated_should_offer_completions_for_flags_or_options "laureated" config' -l 'config' -d 'A KEY=value settings file (see /etc/laureated/laureated.defaults).' -rF
complete -c 'laureated' -n '__laureated_should_offer_completions_for_flags_or_options "laureated" log-level' -l 'log-level' -d 'Lowest log level: trace, debug, info, notice, warning, error, critical.' -rfka 'trace debug info notice warning error critical'
complete -c 'laureated' -n '__laureated_should_offer_completions_for_flags_or_options "laureated" allow-unknown-sector' -l 'allow-unknown-sector' -d 'Keep official-export rows whose filiere maps to no sector.'
complete -c 'laureated' -n '__laureated_should_offer_completions_for_flags_or_options "laureated" check' -l 'check' -d 'Validate the dataset files given as arguments (or --dataset), print a summary, and exit.'
complete -c 'laureated' -n '__laureated_should_offer_completions_for_flags_or_options "laureated" print-defaults' -l 'print-defaults' -d 'Print the settings file with every setting at its default, and exit.'
complete -c 'laureated' -n '__laureated_should_offer_completions_for_positional "laureated" -ge 1' -fa '(set -l exts \'json\' \'jsonl\' \'csv\';for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.{$exts};printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'laureated' -n '__laureated_should_offer_completions_for_flags_or_options "laureated" version' -l 'version' -d 'Show the version.'
complete -c 'laureated' -n '__laureated_should_offer_completions_for_flags_or_options "laureated" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'laureated' -n '__laureated_should_offer_completions_for_positional "laureated" -eq 2' -fa 'help' -d 'Show subcommand help information.'
complete -c 'laureated' -n '__laureated_should_offer_completions_for_flags_or_options "laureated help" version' -l 'version' -d 'Show the version.'
