function __laureatectl_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __laureatectl_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __laureatectl_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __laureatectl_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __laureatectl_parse_tokens -S
    set -l unparsed_tokens (__laureatectl_tokens -pc)
    switch $unparsed_tokens[1]
    case 'laureatectl'
        __laureatectl_parse_subcommand 0 'socket=' 'o/output=' 'j/json' 'seq' 'color=' 'csv-separator=' 'timeout=' 'wait=' 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'get'
            __laureatectl_parse_subcommand -r 1 'fields=' 'socket=' 'o/output=' 'j/json' 'seq' 'color=' 'csv-separator=' 'timeout=' 'wait=' 'version' 'h/help'
        case 'search'
            __laureatectl_parse_subcommand -r 1 'q/q=' 'sector=+' 'region=+' 'department=+' 'city=+' 'company=+' 'call=+' 'jobs=' 'investment=' 'aid=' 'near=' 'km=' 'no-typos' 'fields=' 'n/limit=' 'offset=' 'sort=' 'facet=+' 'highlight' 'all' 'socket=' 'o/output=' 'j/json' 'seq' 'color=' 'csv-separator=' 'timeout=' 'wait=' 'version' 'h/help'
        case 'stats'
            __laureatectl_parse_subcommand 0 'by=' 'figure=' 'q/q=' 'sector=+' 'region=+' 'department=+' 'city=+' 'company=+' 'call=+' 'jobs=' 'investment=' 'aid=' 'near=' 'km=' 'no-typos' 'socket=' 'o/output=' 'j/json' 'seq' 'color=' 'csv-separator=' 'timeout=' 'wait=' 'version' 'h/help'
        case 'sectors'
            __laureatectl_parse_subcommand 0 'socket=' 'o/output=' 'j/json' 'seq' 'color=' 'csv-separator=' 'timeout=' 'wait=' 'version' 'h/help'
        case 'program'
            __laureatectl_parse_subcommand 0 'socket=' 'o/output=' 'j/json' 'seq' 'color=' 'csv-separator=' 'timeout=' 'wait=' 'version' 'h/help'
        case 'status'
            __laureatectl_parse_subcommand 0 'socket=' 'o/output=' 'j/json' 'seq' 'color=' 'csv-separator=' 'timeout=' 'wait=' 'version' 'h/help'
        case 'reload'
            __laureatectl_parse_subcommand 0 'socket=' 'o/output=' 'j/json' 'seq' 'color=' 'csv-separator=' 'timeout=' 'wait=' 'version' 'h/help'
        case 'watch'
            __laureatectl_parse_subcommand 0 'socket=' 'o/output=' 'j/json' 'seq' 'color=' 'csv-separator=' 'timeout=' 'wait=' 'version' 'h/help'
        case 'changes'
            __laureatectl_parse_subcommand 0 'since=' 'socket=' 'o/output=' 'j/json' 'seq' 'color=' 'csv-separator=' 'timeout=' 'wait=' 'version' 'h/help'
        case 'metrics'
            __laureatectl_parse_subcommand 0 'socket=' 'o/output=' 'j/json' 'seq' 'color=' 'csv-separator=' 'timeout=' 'wait=' 'version' 'h/help'
        case 'discover'
            __laureatectl_parse_subcommand 1 'socket=' 'o/output=' 'j/json' 'seq' 'color=' 'csv-separator=' 'timeout=' 'wait=' 'version' 'h/help'
        case 'call'
            __laureatectl_parse_subcommand -r 2 'socket=' 'o/output=' 'j/json' 'seq' 'color=' 'csv-separator=' 'timeout=' 'wait=' 'version' 'h/help'
        case 'ping'
            __laureatectl_parse_subcommand 0 'socket=' 'o/output=' 'j/json' 'seq' 'color=' 'csv-separator=' 'timeout=' 'wait=' 'version' 'h/help'
        case 'help'
            __laureatectl_parse_subcommand -r 1 'version'
        end
    end
end

function __laureatectl_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __laureatectl_parse_subcommand -S -a positional_count
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

function __laureatectl_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __laureatectl_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__laureatectl_tokens -p)
    if test -z "$(__laureatectl_tokens -t)"
        set -l index (count (__laureatectl_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'laureatectl' -f
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl" socket' -l 'socket' -d 'Socket path (default: $LAUREATED_SOCKET, /etc/laureated/laureated.defaults, /run/laureated/laureated.sock or $XDG_RUNTIME_DIR/laureated.sock).' -rF
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl" o output' -s 'o' -l 'output' -d 'Output format: human, json (pretty on a terminal, one line when piped), jsonl (one line per record), csv or tsv (a header row, then one row per record or group).' -rfka 'human json jsonl csv tsv'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl" j json' -s 'j' -l 'json' -d 'Same as --output json.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl" seq' -l 'seq' -d 'Streams (--output jsonl, search --all --json, watch --json) as RFC 7464 JSON text sequences: each element after an RS character.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl" color' -l 'color' -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always or never.' -rfka 'auto always never'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl" csv-separator' -l 'csv-separator' -d 'The field separator of --output csv, e.g. \';\' for French spreadsheets.' -rfka ''
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl" timeout' -l 'timeout' -d 'How long to wait for a reply, as seconds or a systemd time span (500ms, 2s, 1min, infinity); exit 75 on expiry.' -rfka '500ms 5s 1min infinity'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl" wait' -l 'wait' -d 'Wait up to this span for the daemon\'s socket to accept connections (a daemon starting, a socket unit not yet there); --wait alone waits without limit.' -rfka '500ms 5s 1min infinity'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl" version' -l 'version' -d 'Show the version.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_positional "laureatectl" -eq 1' -fa 'get' -d 'Show laureates by id.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_positional "laureatectl" -eq 1' -fa 'search' -d 'Search laureates by words and filters.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_positional "laureatectl" -eq 1' -fa 'stats' -d 'Count laureates and sum their figures per group, with bar charts, or cross two dimensions.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_positional "laureatectl" -eq 1' -fa 'sectors' -d 'List the sectors of the call with their laureate counts.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_positional "laureatectl" -eq 1' -fa 'program' -d 'Show the facts of the call for projects.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_positional "laureatectl" -eq 1' -fa 'status' -d 'Show the daemon\'s version, uptime, counters and dataset.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_positional "laureatectl" -eq 1' -fa 'reload' -d 'Re-read the dataset (admins only); the old data stays if the new is bad.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_positional "laureatectl" -eq 1' -fa 'watch' -d 'Print each dataset reload as it happens, until interrupted.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_positional "laureatectl" -eq 1' -fa 'changes' -d 'Show the ids added, removed and changed since a dataset generation.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_positional "laureatectl" -eq 1' -fa 'metrics' -d 'Print the daemon\'s metrics in Prometheus\'s text format.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_positional "laureatectl" -eq 1' -fa 'discover' -d 'Describe the daemon\'s methods (its OpenRPC document with --json).'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_positional "laureatectl" -eq 1' -fa 'call' -d 'Send any request and print the result JSON.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_positional "laureatectl" -eq 1' -fa 'ping' -d 'Check that the daemon answers.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_positional "laureatectl" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl get" fields' -l 'fields' -d 'Fields to show, comma-separated, e.g. id,company,jobs; the daemon sends only those, and an unknown value is null or an empty cell, never dropped.' -rfka 'id project title company city department region sector summary jobs investment_eur aid_eur call announced sources notes derived'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_positional "laureatectl get" -ge 1' -fka '(__laureatectl_custom_completion ---completion get -- positional@0 (count (__laureatectl_tokens -pc)) (__laureatectl_tokens -tC))'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl get" socket' -l 'socket' -d 'Socket path (default: $LAUREATED_SOCKET, /etc/laureated/laureated.defaults, /run/laureated/laureated.sock or $XDG_RUNTIME_DIR/laureated.sock).' -rF
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl get" o output' -s 'o' -l 'output' -d 'Output format: human, json (pretty on a terminal, one line when piped), jsonl (one line per record), csv or tsv (a header row, then one row per record or group).' -rfka 'human json jsonl csv tsv'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl get" j json' -s 'j' -l 'json' -d 'Same as --output json.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl get" seq' -l 'seq' -d 'Streams (--output jsonl, search --all --json, watch --json) as RFC 7464 JSON text sequences: each element after an RS character.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl get" color' -l 'color' -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always or never.' -rfka 'auto always never'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl get" csv-separator' -l 'csv-separator' -d 'The field separator of --output csv, e.g. \';\' for French spreadsheets.' -rfka ''
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl get" timeout' -l 'timeout' -d 'How long to wait for a reply, as seconds or a systemd time span (500ms, 2s, 1min, infinity); exit 75 on expiry.' -rfka '500ms 5s 1min infinity'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl get" wait' -l 'wait' -d 'Wait up to this span for the daemon\'s socket to accept connections (a daemon starting, a socket unit not yet there); --wait alone waits without limit.' -rfka '500ms 5s 1min infinity'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl get" version' -l 'version' -d 'Show the version.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl get" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl search" q q' -s 'q' -l 'q' -d 'Words to find (accent- and case-insensitive; each may be a prefix; typos forgiven from 5 letters).' -rfka ''
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl search"' -l 'sector' -d 'Sector id or label: sante, agroalimentaire, electronique, intrants, 5g (repeatable).' -rfka 'sante agroalimentaire electronique intrants 5g'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl search"' -l 'region' -d 'Region name, e.g. bretagne (repeatable).' -rfka ''
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl search"' -l 'department' -d 'Département INSEE code, e.g. 44, 2A (repeatable).' -rfka '01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 21 22 23 24 25 26 27 28 29 2A 2B 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 71 72 73 74 75 76 77 78 79 80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 95 971 972 973 974 976'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl search"' -l 'city' -d 'City (repeatable).' -rfka ''
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl search"' -l 'company' -d 'Company (repeatable).' -rfka ''
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl search"' -l 'call' -d 'Call id, e.g. relocalisation (repeatable).' -rfka ''
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl search" jobs' -l 'jobs' -d 'Jobs from MIN to MAX: 10..50, 100.. or ..20.' -rfka ''
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl search" investment' -l 'investment' -d 'Investment in euros from MIN to MAX, e.g. 1000000..' -rfka ''
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl search" aid' -l 'aid' -d 'Aid in euros from MIN to MAX, e.g. ..500000' -rfka ''
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl search" near' -l 'near' -d 'Laureates near a point: latitude,longitude, e.g. 47.21,-1.55.' -rfka ''
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl search" km' -l 'km' -d 'Radius of --near in km (default 10).' -rfka ''
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl search" no-typos' -l 'no-typos' -d 'Match words only as typed or as prefixes, without typo tolerance.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl search" fields' -l 'fields' -d 'Fields to show, comma-separated, e.g. id,company,jobs; the daemon sends only those, and an unknown value is null or an empty cell, never dropped.' -rfka 'id project title company city department region sector summary jobs investment_eur aid_eur call announced sources notes derived'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl search" limit n' -s 'n' -l 'limit' -d 'Results per page (1…1000).' -rfka ''
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl search" offset' -l 'offset' -d 'Results to skip (0 or more).' -rfka ''
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl search" sort' -l 'sort' -d 'Order: relevance, project, jobs, investment, aid, distance (with --near); prefix - for descending.' -rfka 'relevance -relevance project -project jobs -jobs investment -investment aid -aid distance -distance'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl search"' -l 'facet' -d 'Also count the results by sector, region, department or call (repeatable).' -rfka 'sector region department call'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl search" highlight' -l 'highlight' -d 'Add each item\'s matched spans (--json, --output jsonl); a terminal shows them in bold.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl search" all' -l 'all' -d 'Page through every result (with --json, one page per line).'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl search" socket' -l 'socket' -d 'Socket path (default: $LAUREATED_SOCKET, /etc/laureated/laureated.defaults, /run/laureated/laureated.sock or $XDG_RUNTIME_DIR/laureated.sock).' -rF
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl search" o output' -s 'o' -l 'output' -d 'Output format: human, json (pretty on a terminal, one line when piped), jsonl (one line per record), csv or tsv (a header row, then one row per record or group).' -rfka 'human json jsonl csv tsv'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl search" j json' -s 'j' -l 'json' -d 'Same as --output json.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl search" seq' -l 'seq' -d 'Streams (--output jsonl, search --all --json, watch --json) as RFC 7464 JSON text sequences: each element after an RS character.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl search" color' -l 'color' -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always or never.' -rfka 'auto always never'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl search" csv-separator' -l 'csv-separator' -d 'The field separator of --output csv, e.g. \';\' for French spreadsheets.' -rfka ''
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl search" timeout' -l 'timeout' -d 'How long to wait for a reply, as seconds or a systemd time span (500ms, 2s, 1min, infinity); exit 75 on expiry.' -rfka '500ms 5s 1min infinity'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl search" wait' -l 'wait' -d 'Wait up to this span for the daemon\'s socket to accept connections (a daemon starting, a socket unit not yet there); --wait alone waits without limit.' -rfka '500ms 5s 1min infinity'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl search" version' -l 'version' -d 'Show the version.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl search" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl stats" by' -l 'by' -d 'Group by sector, region, department or call; two, comma-separated (sector,region), for a cross-table.' -rfka 'sector region department call sector,region sector,department sector,call region,sector region,department region,call department,sector department,region department,call call,sector call,region call,department'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl stats" figure' -l 'figure' -d 'jobs, investment or aid: that figure\'s sum, min, median, mean and max (or its sum per cell of a cross-table).' -rfka 'jobs investment aid'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl stats" q q' -s 'q' -l 'q' -d 'Words to find (accent- and case-insensitive; each may be a prefix; typos forgiven from 5 letters).' -rfka ''
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl stats"' -l 'sector' -d 'Sector id or label: sante, agroalimentaire, electronique, intrants, 5g (repeatable).' -rfka 'sante agroalimentaire electronique intrants 5g'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl stats"' -l 'region' -d 'Region name, e.g. bretagne (repeatable).' -rfka ''
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl stats"' -l 'department' -d 'Département INSEE code, e.g. 44, 2A (repeatable).' -rfka '01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 21 22 23 24 25 26 27 28 29 2A 2B 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 71 72 73 74 75 76 77 78 79 80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 95 971 972 973 974 976'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl stats"' -l 'city' -d 'City (repeatable).' -rfka ''
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl stats"' -l 'company' -d 'Company (repeatable).' -rfka ''
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl stats"' -l 'call' -d 'Call id, e.g. relocalisation (repeatable).' -rfka ''
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl stats" jobs' -l 'jobs' -d 'Jobs from MIN to MAX: 10..50, 100.. or ..20.' -rfka ''
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl stats" investment' -l 'investment' -d 'Investment in euros from MIN to MAX, e.g. 1000000..' -rfka ''
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl stats" aid' -l 'aid' -d 'Aid in euros from MIN to MAX, e.g. ..500000' -rfka ''
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl stats" near' -l 'near' -d 'Laureates near a point: latitude,longitude, e.g. 47.21,-1.55.' -rfka ''
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl stats" km' -l 'km' -d 'Radius of --near in km (default 10).' -rfka ''
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl stats" no-typos' -l 'no-typos' -d 'Match words only as typed or as prefixes, without typo tolerance.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl stats" socket' -l 'socket' -d 'Socket path (default: $LAUREATED_SOCKET, /etc/laureated/laureated.defaults, /run/laureated/laureated.sock or $XDG_RUNTIME_DIR/laureated.sock).' -rF
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl stats" o output' -s 'o' -l 'output' -d 'Output format: human, json (pretty on a terminal, one line when piped), jsonl (one line per record), csv or tsv (a header row, then one row per record or group).' -rfka 'human json jsonl csv tsv'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl stats" j json' -s 'j' -l 'json' -d 'Same as --output json.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl stats" seq' -l 'seq' -d 'Streams (--output jsonl, search --all --json, watch --json) as RFC 7464 JSON text sequences: each element after an RS character.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl stats" color' -l 'color' -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always or never.' -rfka 'auto always never'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl stats" csv-separator' -l 'csv-separator' -d 'The field separator of --output csv, e.g. \';\' for French spreadsheets.' -rfka ''
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl stats" timeout' -l 'timeout' -d 'How long to wait for a reply, as seconds or a systemd time span (500ms, 2s, 1min, infinity); exit 75 on expiry.' -rfka '500ms 5s 1min infinity'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl stats" wait' -l 'wait' -d 'Wait up to this span for the daemon\'s socket to accept connections (a daemon starting, a socket unit not yet there); --wait alone waits without limit.' -rfka '500ms 5s 1min infinity'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl stats" version' -l 'version' -d 'Show the version.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl stats" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl sectors" socket' -l 'socket' -d 'Socket path (default: $LAUREATED_SOCKET, /etc/laureated/laureated.defaults, /run/laureated/laureated.sock or $XDG_RUNTIME_DIR/laureated.sock).' -rF
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl sectors" o output' -s 'o' -l 'output' -d 'Output format: human, json (pretty on a terminal, one line when piped), jsonl (one line per record), csv or tsv (a header row, then one row per record or group).' -rfka 'human json jsonl csv tsv'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl sectors" j json' -s 'j' -l 'json' -d 'Same as --output json.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl sectors" seq' -l 'seq' -d 'Streams (--output jsonl, search --all --json, watch --json) as RFC 7464 JSON text sequences: each element after an RS character.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl sectors" color' -l 'color' -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always or never.' -rfka 'auto always never'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl sectors" csv-separator' -l 'csv-separator' -d 'The field separator of --output csv, e.g. \';\' for French spreadsheets.' -rfka ''
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl sectors" timeout' -l 'timeout' -d 'How long to wait for a reply, as seconds or a systemd time span (500ms, 2s, 1min, infinity); exit 75 on expiry.' -rfka '500ms 5s 1min infinity'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl sectors" wait' -l 'wait' -d 'Wait up to this span for the daemon\'s socket to accept connections (a daemon starting, a socket unit not yet there); --wait alone waits without limit.' -rfka '500ms 5s 1min infinity'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl sectors" version' -l 'version' -d 'Show the version.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl sectors" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl program" socket' -l 'socket' -d 'Socket path (default: $LAUREATED_SOCKET, /etc/laureated/laureated.defaults, /run/laureated/laureated.sock or $XDG_RUNTIME_DIR/laureated.sock).' -rF
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl program" o output' -s 'o' -l 'output' -d 'Output format: human, json (pretty on a terminal, one line when piped), jsonl (one line per record), csv or tsv (a header row, then one row per record or group).' -rfka 'human json jsonl csv tsv'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl program" j json' -s 'j' -l 'json' -d 'Same as --output json.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl program" seq' -l 'seq' -d 'Streams (--output jsonl, search --all --json, watch --json) as RFC 7464 JSON text sequences: each element after an RS character.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl program" color' -l 'color' -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always or never.' -rfka 'auto always never'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl program" csv-separator' -l 'csv-separator' -d 'The field separator of --output csv, e.g. \';\' for French spreadsheets.' -rfka ''
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl program" timeout' -l 'timeout' -d 'How long to wait for a reply, as seconds or a systemd time span (500ms, 2s, 1min, infinity); exit 75 on expiry.' -rfka '500ms 5s 1min infinity'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl program" wait' -l 'wait' -d 'Wait up to this span for the daemon\'s socket to accept connections (a daemon starting, a socket unit not yet there); --wait alone waits without limit.' -rfka '500ms 5s 1min infinity'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl program" version' -l 'version' -d 'Show the version.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl program" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl status" socket' -l 'socket' -d 'Socket path (default: $LAUREATED_SOCKET, /etc/laureated/laureated.defaults, /run/laureated/laureated.sock or $XDG_RUNTIME_DIR/laureated.sock).' -rF
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl status" o output' -s 'o' -l 'output' -d 'Output format: human, json (pretty on a terminal, one line when piped), jsonl (one line per record), csv or tsv (a header row, then one row per record or group).' -rfka 'human json jsonl csv tsv'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl status" j json' -s 'j' -l 'json' -d 'Same as --output json.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl status" seq' -l 'seq' -d 'Streams (--output jsonl, search --all --json, watch --json) as RFC 7464 JSON text sequences: each element after an RS character.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl status" color' -l 'color' -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always or never.' -rfka 'auto always never'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl status" csv-separator' -l 'csv-separator' -d 'The field separator of --output csv, e.g. \';\' for French spreadsheets.' -rfka ''
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl status" timeout' -l 'timeout' -d 'How long to wait for a reply, as seconds or a systemd time span (500ms, 2s, 1min, infinity); exit 75 on expiry.' -rfka '500ms 5s 1min infinity'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl status" wait' -l 'wait' -d 'Wait up to this span for the daemon\'s socket to accept connections (a daemon starting, a socket unit not yet there); --wait alone waits without limit.' -rfka '500ms 5s 1min infinity'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl status" version' -l 'version' -d 'Show the version.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl status" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl reload" socket' -l 'socket' -d 'Socket path (default: $LAUREATED_SOCKET, /etc/laureated/laureated.defaults, /run/laureated/laureated.sock or $XDG_RUNTIME_DIR/laureated.sock).' -rF
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl reload" o output' -s 'o' -l 'output' -d 'Output format: human, json (pretty on a terminal, one line when piped), jsonl (one line per record), csv or tsv (a header row, then one row per record or group).' -rfka 'human json jsonl csv tsv'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl reload" j json' -s 'j' -l 'json' -d 'Same as --output json.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl reload" seq' -l 'seq' -d 'Streams (--output jsonl, search --all --json, watch --json) as RFC 7464 JSON text sequences: each element after an RS character.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl reload" color' -l 'color' -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always or never.' -rfka 'auto always never'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl reload" csv-separator' -l 'csv-separator' -d 'The field separator of --output csv, e.g. \';\' for French spreadsheets.' -rfka ''
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl reload" timeout' -l 'timeout' -d 'How long to wait for a reply, as seconds or a systemd time span (500ms, 2s, 1min, infinity); exit 75 on expiry.' -rfka '500ms 5s 1min infinity'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl reload" wait' -l 'wait' -d 'Wait up to this span for the daemon\'s socket to accept connections (a daemon starting, a socket unit not yet there); --wait alone waits without limit.' -rfka '500ms 5s 1min infinity'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl reload" version' -l 'version' -d 'Show the version.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl reload" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl watch" socket' -l 'socket' -d 'Socket path (default: $LAUREATED_SOCKET, /etc/laureated/laureated.defaults, /run/laureated/laureated.sock or $XDG_RUNTIME_DIR/laureated.sock).' -rF
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl watch" o output' -s 'o' -l 'output' -d 'Output format: human, json (pretty on a terminal, one line when piped), jsonl (one line per record), csv or tsv (a header row, then one row per record or group).' -rfka 'human json jsonl csv tsv'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl watch" j json' -s 'j' -l 'json' -d 'Same as --output json.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl watch" seq' -l 'seq' -d 'Streams (--output jsonl, search --all --json, watch --json) as RFC 7464 JSON text sequences: each element after an RS character.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl watch" color' -l 'color' -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always or never.' -rfka 'auto always never'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl watch" csv-separator' -l 'csv-separator' -d 'The field separator of --output csv, e.g. \';\' for French spreadsheets.' -rfka ''
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl watch" timeout' -l 'timeout' -d 'How long to wait for a reply, as seconds or a systemd time span (500ms, 2s, 1min, infinity); exit 75 on expiry.' -rfka '500ms 5s 1min infinity'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl watch" wait' -l 'wait' -d 'Wait up to this span for the daemon\'s socket to accept connections (a daemon starting, a socket unit not yet there); --wait alone waits without limit.' -rfka '500ms 5s 1min infinity'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl watch" version' -l 'version' -d 'Show the version.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl watch" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl changes" since' -l 'since' -d 'The generation to catch up from.' -rfka ''
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl changes" socket' -l 'socket' -d 'Socket path (default: $LAUREATED_SOCKET, /etc/laureated/laureated.defaults, /run/laureated/laureated.sock or $XDG_RUNTIME_DIR/laureated.sock).' -rF
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl changes" o output' -s 'o' -l 'output' -d 'Output format: human, json (pretty on a terminal, one line when piped), jsonl (one line per record), csv or tsv (a header row, then one row per record or group).' -rfka 'human json jsonl csv tsv'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl changes" j json' -s 'j' -l 'json' -d 'Same as --output json.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl changes" seq' -l 'seq' -d 'Streams (--output jsonl, search --all --json, watch --json) as RFC 7464 JSON text sequences: each element after an RS character.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl changes" color' -l 'color' -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always or never.' -rfka 'auto always never'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl changes" csv-separator' -l 'csv-separator' -d 'The field separator of --output csv, e.g. \';\' for French spreadsheets.' -rfka ''
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl changes" timeout' -l 'timeout' -d 'How long to wait for a reply, as seconds or a systemd time span (500ms, 2s, 1min, infinity); exit 75 on expiry.' -rfka '500ms 5s 1min infinity'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl changes" wait' -l 'wait' -d 'Wait up to this span for the daemon\'s socket to accept connections (a daemon starting, a socket unit not yet there); --wait alone waits without limit.' -rfka '500ms 5s 1min infinity'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl changes" version' -l 'version' -d 'Show the version.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl changes" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl metrics" socket' -l 'socket' -d 'Socket path (default: $LAUREATED_SOCKET, /etc/laureated/laureated.defaults, /run/laureated/laureated.sock or $XDG_RUNTIME_DIR/laureated.sock).' -rF
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl metrics" o output' -s 'o' -l 'output' -d 'Output format: human, json (pretty on a terminal, one line when piped), jsonl (one line per record), csv or tsv (a header row, then one row per record or group).' -rfka 'human json jsonl csv tsv'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl metrics" j json' -s 'j' -l 'json' -d 'Same as --output json.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl metrics" seq' -l 'seq' -d 'Streams (--output jsonl, search --all --json, watch --json) as RFC 7464 JSON text sequences: each element after an RS character.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl metrics" color' -l 'color' -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always or never.' -rfka 'auto always never'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl metrics" csv-separator' -l 'csv-separator' -d 'The field separator of --output csv, e.g. \';\' for French spreadsheets.' -rfka ''
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl metrics" timeout' -l 'timeout' -d 'How long to wait for a reply, as seconds or a systemd time span (500ms, 2s, 1min, infinity); exit 75 on expiry.' -rfka '500ms 5s 1min infinity'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl metrics" wait' -l 'wait' -d 'Wait up to this span for the daemon\'s socket to accept connections (a daemon starting, a socket unit not yet there); --wait alone waits without limit.' -rfka '500ms 5s 1min infinity'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl metrics" version' -l 'version' -d 'Show the version.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl metrics" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_positional "laureatectl discover" -eq 1' -fka 'ping laureate.get laureate.search laureate.stats laureate.changes sector.list program.info server.status server.reload server.metrics events.subscribe rpc.discover'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl discover" socket' -l 'socket' -d 'Socket path (default: $LAUREATED_SOCKET, /etc/laureated/laureated.defaults, /run/laureated/laureated.sock or $XDG_RUNTIME_DIR/laureated.sock).' -rF
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl discover" o output' -s 'o' -l 'output' -d 'Output format: human, json (pretty on a terminal, one line when piped), jsonl (one line per record), csv or tsv (a header row, then one row per record or group).' -rfka 'human json jsonl csv tsv'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl discover" j json' -s 'j' -l 'json' -d 'Same as --output json.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl discover" seq' -l 'seq' -d 'Streams (--output jsonl, search --all --json, watch --json) as RFC 7464 JSON text sequences: each element after an RS character.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl discover" color' -l 'color' -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always or never.' -rfka 'auto always never'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl discover" csv-separator' -l 'csv-separator' -d 'The field separator of --output csv, e.g. \';\' for French spreadsheets.' -rfka ''
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl discover" timeout' -l 'timeout' -d 'How long to wait for a reply, as seconds or a systemd time span (500ms, 2s, 1min, infinity); exit 75 on expiry.' -rfka '500ms 5s 1min infinity'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl discover" wait' -l 'wait' -d 'Wait up to this span for the daemon\'s socket to accept connections (a daemon starting, a socket unit not yet there); --wait alone waits without limit.' -rfka '500ms 5s 1min infinity'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl discover" version' -l 'version' -d 'Show the version.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl discover" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_positional "laureatectl call" -eq 1' -fka 'ping laureate.get laureate.search laureate.stats laureate.changes sector.list program.info server.status server.reload server.metrics events.subscribe rpc.discover'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl call" socket' -l 'socket' -d 'Socket path (default: $LAUREATED_SOCKET, /etc/laureated/laureated.defaults, /run/laureated/laureated.sock or $XDG_RUNTIME_DIR/laureated.sock).' -rF
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl call" o output' -s 'o' -l 'output' -d 'Output format: human, json (pretty on a terminal, one line when piped), jsonl (one line per record), csv or tsv (a header row, then one row per record or group).' -rfka 'human json jsonl csv tsv'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl call" j json' -s 'j' -l 'json' -d 'Same as --output json.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl call" seq' -l 'seq' -d 'Streams (--output jsonl, search --all --json, watch --json) as RFC 7464 JSON text sequences: each element after an RS character.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl call" color' -l 'color' -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always or never.' -rfka 'auto always never'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl call" csv-separator' -l 'csv-separator' -d 'The field separator of --output csv, e.g. \';\' for French spreadsheets.' -rfka ''
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl call" timeout' -l 'timeout' -d 'How long to wait for a reply, as seconds or a systemd time span (500ms, 2s, 1min, infinity); exit 75 on expiry.' -rfka '500ms 5s 1min infinity'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl call" wait' -l 'wait' -d 'Wait up to this span for the daemon\'s socket to accept connections (a daemon starting, a socket unit not yet there); --wait alone waits without limit.' -rfka '500ms 5s 1min infinity'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl call" version' -l 'version' -d 'Show the version.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl call" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl ping" socket' -l 'socket' -d 'Socket path (default: $LAUREATED_SOCKET, /etc/laureated/laureated.defaults, /run/laureated/laureated.sock or $XDG_RUNTIME_DIR/laureated.sock).' -rF
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl ping" o output' -s 'o' -l 'output' -d 'Output format: human, json (pretty on a terminal, one line when piped), jsonl (one line per record), csv or tsv (a header row, then one row per record or group).' -rfka 'human json jsonl csv tsv'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl ping" j json' -s 'j' -l 'json' -d 'Same as --output json.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl ping" seq' -l 'seq' -d 'Streams (--output jsonl, search --all --json, watch --json) as RFC 7464 JSON text sequences: each element after an RS character.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl ping" color' -l 'color' -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always or never.' -rfka 'auto always never'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl ping" csv-separator' -l 'csv-separator' -d 'The field separator of --output csv, e.g. \';\' for French spreadsheets.' -rfka ''
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl ping" timeout' -l 'timeout' -d 'How long to wait for a reply, as seconds or a systemd time span (500ms, 2s, 1min, infinity); exit 75 on expiry.' -rfka '500ms 5s 1min infinity'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl ping" wait' -l 'wait' -d 'Wait up to this span for the daemon\'s socket to accept connections (a daemon starting, a socket unit not yet there); --wait alone waits without limit.' -rfka '500ms 5s 1min infinity'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl ping" version' -l 'version' -d 'Show the version.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl ping" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'laureatectl' -n '__laureatectl_should_offer_completions_for_flags_or_options "laureatectl help" version' -l 'version' -d 'Show the version.'
