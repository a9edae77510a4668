#compdef laureatectl

__laureatectl_complete() {
    local -ar non_empty_completions=("${@:#(|:*)}")
    local -ar empty_completions=("${(M)@:#(|:*)}")
    _describe -V '' non_empty_completions -- empty_completions -P $'\'\''
}

__laureatectl_custom_complete() {
    local -a completions
    completions=("${(@f)"$("${command_name}" "${@}" "${command_line[@]}")"}")
    if [[ "${#completions[@]}" -gt 1 ]]; then
        __laureatectl_complete "${completions[@]:0:-1}"
    fi
}

__laureatectl_cursor_index_in_current_word() {
    if [[ -z "${QIPREFIX}${IPREFIX}${PREFIX}" ]]; then
        printf 0
    else
        printf %s "${#${(z)LBUFFER}[-1]}"
    fi
}

_laureatectl() {
    emulate -RL zsh -G
    setopt extendedglob nullglob numericglobsort
    unsetopt aliases banghist

    local -xr SAP_SHELL=zsh
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(builtin emulate zsh -c 'printf %s "${ZSH_VERSION}"')"
    local -r SAP_SHELL_VERSION

    local context state state_descr line
    local -A opt_args

    local -r command_name="${words[1]}"
    local -ar command_line=("${words[@]}")
    local -ir current_word_index="$((CURRENT - 1))"

    local -i ret=1
    local -ar ___output=('human' 'json' 'jsonl' 'csv' 'tsv')
    local -ar ___color=('auto' 'always' 'never')
    local -ar ___timeout=('500ms' '5s' '1min' 'infinity')
    local -ar ___wait=('500ms' '5s' '1min' 'infinity')
    local -ar arg_specs=(
        '--socket[Socket path (default\: $LAUREATED_SOCKET, /etc/laureated/laureated.defaults, /run/laureated/laureated.sock or $XDG_RUNTIME_DIR/laureated.sock).]:path:_files'
        '(-o --output)'{-o,--output}'[Output format\: human, json (pretty on a terminal, one line when piped), jsonl (one line per record), csv or tsv (a header row, then one row per record or group).]:format:{__laureatectl_complete "${___output[@]}"}'
        '(-j --json)'{-j,--json}'[Same as --output json.]'
        '--seq[Streams (--output jsonl, search --all --json, watch --json) as RFC 7464 JSON text sequences\: each element after an RS character.]'
        '--color[Colour\: auto (on a terminal, unless NO_COLOR is set), always or never.]:when:{__laureatectl_complete "${___color[@]}"}'
        '--csv-separator[The field separator of --output csv, e.g. '\'';'\'' for French spreadsheets.]:c:'
        '--timeout[How long to wait for a reply, as seconds or a systemd time span (500ms, 2s, 1min, infinity); exit 75 on expiry.]:span:{__laureatectl_complete "${___timeout[@]}"}'
        '--wait[Wait up to this span for the daemon'\''s socket to accept connections (a daemon starting, a socket unit not yet there); --wait alone waits without limit.]:span:{__laureatectl_complete "${___wait[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'get:Show laureates by id.'
            'search:Search laureates by words and filters.'
            'stats:Count laureates and sum their figures per group, with bar charts, or cross two dimensions.'
            'sectors:List the sectors of the call with their laureate counts.'
            'program:Show the facts of the call for projects.'
            'status:Show the daemon'\''s version, uptime, counters and dataset.'
            'reload:Re-read the dataset (admins only); the old data stays if the new is bad.'
            'watch:Print each dataset reload as it happens, until interrupted.'
            'changes:Show the ids added, removed and changed since a dataset generation.'
            'metrics:Print the daemon'\''s metrics in Prometheus'\''s text format.'
            'discover:Describe the daemon'\''s methods (its OpenRPC document with --json).'
            'call:Send any request and print the result JSON.'
            'ping:Check that the daemon answers.'
            'help:Show subcommand help information.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        get|search|stats|sectors|program|status|reload|watch|changes|metrics|discover|call|ping|help)
            "_laureatectl_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_laureatectl_get() {
    local -i ret=1
    local -ar ___fields=('id' 'project' 'title' 'company' 'city' 'department' 'region' 'sector' 'summary' 'jobs' 'investment_eur' 'aid_eur' 'call' 'announced' 'sources' 'notes' 'derived')
    local -ar ___output=('human' 'json' 'jsonl' 'csv' 'tsv')
    local -ar ___color=('auto' 'always' 'never')
    local -ar ___timeout=('500ms' '5s' '1min' 'infinity')
    local -ar ___wait=('500ms' '5s' '1min' 'infinity')
    local -ar arg_specs=(
        '--fields[Fields to show, comma-separated, e.g. id,company,jobs; the daemon sends only those, and an unknown value is null or an empty cell, never dropped.]:names:{__laureatectl_complete "${___fields[@]}"}'
        '*:ids:{__laureatectl_custom_complete ---completion get -- positional@0 "${current_word_index}" "$(__laureatectl_cursor_index_in_current_word)"}'
        '--socket[Socket path (default\: $LAUREATED_SOCKET, /etc/laureated/laureated.defaults, /run/laureated/laureated.sock or $XDG_RUNTIME_DIR/laureated.sock).]:path:_files'
        '(-o --output)'{-o,--output}'[Output format\: human, json (pretty on a terminal, one line when piped), jsonl (one line per record), csv or tsv (a header row, then one row per record or group).]:format:{__laureatectl_complete "${___output[@]}"}'
        '(-j --json)'{-j,--json}'[Same as --output json.]'
        '--seq[Streams (--output jsonl, search --all --json, watch --json) as RFC 7464 JSON text sequences\: each element after an RS character.]'
        '--color[Colour\: auto (on a terminal, unless NO_COLOR is set), always or never.]:when:{__laureatectl_complete "${___color[@]}"}'
        '--csv-separator[The field separator of --output csv, e.g. '\'';'\'' for French spreadsheets.]:c:'
        '--timeout[How long to wait for a reply, as seconds or a systemd time span (500ms, 2s, 1min, infinity); exit 75 on expiry.]:span:{__laureatectl_complete "${___timeout[@]}"}'
        '--wait[Wait up to this span for the daemon'\''s socket to accept connections (a daemon starting, a socket unit not yet there); --wait alone waits without limit.]:span:{__laureatectl_complete "${___wait[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_laureatectl_search() {
    local -i ret=1
    local -ar ___sector=('sante' 'agroalimentaire' 'electronique' 'intrants' '5g')
    local -ar ___department=('01' '02' '03' '04' '05' '06' '07' '08' '09' '10' '11' '12' '13' '14' '15' '16' '17' '18' '19' '21' '22' '23' '24' '25' '26' '27' '28' '29' '2A' '2B' '30' '31' '32' '33' '34' '35' '36' '37' '38' '39' '40' '41' '42' '43' '44' '45' '46' '47' '48' '49' '50' '51' '52' '53' '54' '55' '56' '57' '58' '59' '60' '61' '62' '63' '64' '65' '66' '67' '68' '69' '70' '71' '72' '73' '74' '75' '76' '77' '78' '79' '80' '81' '82' '83' '84' '85' '86' '87' '88' '89' '90' '91' '92' '93' '94' '95' '971' '972' '973' '974' '976')
    local -ar ___fields=('id' 'project' 'title' 'company' 'city' 'department' 'region' 'sector' 'summary' 'jobs' 'investment_eur' 'aid_eur' 'call' 'announced' 'sources' 'notes' 'derived')
    local -ar ___sort=('relevance' '-relevance' 'project' '-project' 'jobs' '-jobs' 'investment' '-investment' 'aid' '-aid' 'distance' '-distance')
    local -ar ___facet=('sector' 'region' 'department' 'call')
    local -ar ___output=('human' 'json' 'jsonl' 'csv' 'tsv')
    local -ar ___color=('auto' 'always' 'never')
    local -ar ___timeout=('500ms' '5s' '1min' 'infinity')
    local -ar ___wait=('500ms' '5s' '1min' 'infinity')
    local -ar arg_specs=(
        '(-q --q)'{-q,--q}'[Words to find (accent- and case-insensitive; each may be a prefix; typos forgiven from 5 letters).]:q:'
        '*--sector[Sector id or label\: sante, agroalimentaire, electronique, intrants, 5g (repeatable).]:sector:{__laureatectl_complete "${___sector[@]}"}'
        '*--region[Region name, e.g. bretagne (repeatable).]:region:'
        '*--department[Département INSEE code, e.g. 44, 2A (repeatable).]:department:{__laureatectl_complete "${___department[@]}"}'
        '*--city[City (repeatable).]:city:'
        '*--company[Company (repeatable).]:company:'
        '*--call[Call id, e.g. relocalisation (repeatable).]:call:'
        '--jobs[Jobs from MIN to MAX\: 10..50, 100.. or ..20.]:range:'
        '--investment[Investment in euros from MIN to MAX, e.g. 1000000..]:range:'
        '--aid[Aid in euros from MIN to MAX, e.g. ..500000]:range:'
        '--near[Laureates near a point\: latitude,longitude, e.g. 47.21,-1.55.]:lat,lon:'
        '--km[Radius of --near in km (default 10).]:km:'
        '--no-typos[Match words only as typed or as prefixes, without typo tolerance.]'
        '--fields[Fields to show, comma-separated, e.g. id,company,jobs; the daemon sends only those, and an unknown value is null or an empty cell, never dropped.]:names:{__laureatectl_complete "${___fields[@]}"}'
        '*:words:'
        '(-n --limit)'{-n,--limit}'[Results per page (1…1000).]:limit:'
        '--offset[Results to skip (0 or more).]:offset:'
        '--sort[Order\: relevance, project, jobs, investment, aid, distance (with --near); prefix - for descending.]:sort:{__laureatectl_complete "${___sort[@]}"}'
        '*--facet[Also count the results by sector, region, department or call (repeatable).]:facet:{__laureatectl_complete "${___facet[@]}"}'
        '--highlight[Add each item'\''s matched spans (--json, --output jsonl); a terminal shows them in bold.]'
        '--all[Page through every result (with --json, one page per line).]'
        '--socket[Socket path (default\: $LAUREATED_SOCKET, /etc/laureated/laureated.defaults, /run/laureated/laureated.sock or $XDG_RUNTIME_DIR/laureated.sock).]:path:_files'
        '(-o --output)'{-o,--output}'[Output format\: human, json (pretty on a terminal, one line when piped), jsonl (one line per record), csv or tsv (a header row, then one row per record or group).]:format:{__laureatectl_complete "${___output[@]}"}'
        '(-j --json)'{-j,--json}'[Same as --output json.]'
        '--seq[Streams (--output jsonl, search --all --json, watch --json) as RFC 7464 JSON text sequences\: each element after an RS character.]'
        '--color[Colour\: auto (on a terminal, unless NO_COLOR is set), always or never.]:when:{__laureatectl_complete "${___color[@]}"}'
        '--csv-separator[The field separator of --output csv, e.g. '\'';'\'' for French spreadsheets.]:c:'
        '--timeout[How long to wait for a reply, as seconds or a systemd time span (500ms, 2s, 1min, infinity); exit 75 on expiry.]:span:{__laureatectl_complete "${___timeout[@]}"}'
        '--wait[Wait up to this span for the daemon'\''s socket to accept connections (a daemon starting, a socket unit not yet there); --wait alone waits without limit.]:span:{__laureatectl_complete "${___wait[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_laureatectl_stats() {
    local -i ret=1
    local -ar ___by=('sector' 'region' 'department' 'call' 'sector,region' 'sector,department' 'sector,call' 'region,sector' 'region,department' 'region,call' 'department,sector' 'department,region' 'department,call' 'call,sector' 'call,region' 'call,department')
    local -ar ___figure=('jobs' 'investment' 'aid')
    local -ar ___sector=('sante' 'agroalimentaire' 'electronique' 'intrants' '5g')
    local -ar ___department=('01' '02' '03' '04' '05' '06' '07' '08' '09' '10' '11' '12' '13' '14' '15' '16' '17' '18' '19' '21' '22' '23' '24' '25' '26' '27' '28' '29' '2A' '2B' '30' '31' '32' '33' '34' '35' '36' '37' '38' '39' '40' '41' '42' '43' '44' '45' '46' '47' '48' '49' '50' '51' '52' '53' '54' '55' '56' '57' '58' '59' '60' '61' '62' '63' '64' '65' '66' '67' '68' '69' '70' '71' '72' '73' '74' '75' '76' '77' '78' '79' '80' '81' '82' '83' '84' '85' '86' '87' '88' '89' '90' '91' '92' '93' '94' '95' '971' '972' '973' '974' '976')
    local -ar ___output=('human' 'json' 'jsonl' 'csv' 'tsv')
    local -ar ___color=('auto' 'always' 'never')
    local -ar ___timeout=('500ms' '5s' '1min' 'infinity')
    local -ar ___wait=('500ms' '5s' '1min' 'infinity')
    local -ar arg_specs=(
        '--by[Group by sector, region, department or call; two, comma-separated (sector,region), for a cross-table.]:by:{__laureatectl_complete "${___by[@]}"}'
        '--figure[jobs, investment or aid\: that figure'\''s sum, min, median, mean and max (or its sum per cell of a cross-table).]:figure:{__laureatectl_complete "${___figure[@]}"}'
        '(-q --q)'{-q,--q}'[Words to find (accent- and case-insensitive; each may be a prefix; typos forgiven from 5 letters).]:q:'
        '*--sector[Sector id or label\: sante, agroalimentaire, electronique, intrants, 5g (repeatable).]:sector:{__laureatectl_complete "${___sector[@]}"}'
        '*--region[Region name, e.g. bretagne (repeatable).]:region:'
        '*--department[Département INSEE code, e.g. 44, 2A (repeatable).]:department:{__laureatectl_complete "${___department[@]}"}'
        '*--city[City (repeatable).]:city:'
        '*--company[Company (repeatable).]:company:'
        '*--call[Call id, e.g. relocalisation (repeatable).]:call:'
        '--jobs[Jobs from MIN to MAX\: 10..50, 100.. or ..20.]:range:'
        '--investment[Investment in euros from MIN to MAX, e.g. 1000000..]:range:'
        '--aid[Aid in euros from MIN to MAX, e.g. ..500000]:range:'
        '--near[Laureates near a point\: latitude,longitude, e.g. 47.21,-1.55.]:lat,lon:'
        '--km[Radius of --near in km (default 10).]:km:'
        '--no-typos[Match words only as typed or as prefixes, without typo tolerance.]'
        '--socket[Socket path (default\: $LAUREATED_SOCKET, /etc/laureated/laureated.defaults, /run/laureated/laureated.sock or $XDG_RUNTIME_DIR/laureated.sock).]:path:_files'
        '(-o --output)'{-o,--output}'[Output format\: human, json (pretty on a terminal, one line when piped), jsonl (one line per record), csv or tsv (a header row, then one row per record or group).]:format:{__laureatectl_complete "${___output[@]}"}'
        '(-j --json)'{-j,--json}'[Same as --output json.]'
        '--seq[Streams (--output jsonl, search --all --json, watch --json) as RFC 7464 JSON text sequences\: each element after an RS character.]'
        '--color[Colour\: auto (on a terminal, unless NO_COLOR is set), always or never.]:when:{__laureatectl_complete "${___color[@]}"}'
        '--csv-separator[The field separator of --output csv, e.g. '\'';'\'' for French spreadsheets.]:c:'
        '--timeout[How long to wait for a reply, as seconds or a systemd time span (500ms, 2s, 1min, infinity); exit 75 on expiry.]:span:{__laureatectl_complete "${___timeout[@]}"}'
        '--wait[Wait up to this span for the daemon'\''s socket to accept connections (a daemon starting, a socket unit not yet there); --wait alone waits without limit.]:span:{__laureatectl_complete "${___wait[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_laureatectl_sectors() {
    local -i ret=1
    local -ar ___output=('human' 'json' 'jsonl' 'csv' 'tsv')
    local -ar ___color=('auto' 'always' 'never')
    local -ar ___timeout=('500ms' '5s' '1min' 'infinity')
    local -ar ___wait=('500ms' '5s' '1min' 'infinity')
    local -ar arg_specs=(
        '--socket[Socket path (default\: $LAUREATED_SOCKET, /etc/laureated/laureated.defaults, /run/laureated/laureated.sock or $XDG_RUNTIME_DIR/laureated.sock).]:path:_files'
        '(-o --output)'{-o,--output}'[Output format\: human, json (pretty on a terminal, one line when piped), jsonl (one line per record), csv or tsv (a header row, then one row per record or group).]:format:{__laureatectl_complete "${___output[@]}"}'
        '(-j --json)'{-j,--json}'[Same as --output json.]'
        '--seq[Streams (--output jsonl, search --all --json, watch --json) as RFC 7464 JSON text sequences\: each element after an RS character.]'
        '--color[Colour\: auto (on a terminal, unless NO_COLOR is set), always or never.]:when:{__laureatectl_complete "${___color[@]}"}'
        '--csv-separator[The field separator of --output csv, e.g. '\'';'\'' for French spreadsheets.]:c:'
        '--timeout[How long to wait for a reply, as seconds or a systemd time span (500ms, 2s, 1min, infinity); exit 75 on expiry.]:span:{__laureatectl_complete "${___timeout[@]}"}'
        '--wait[Wait up to this span for the daemon'\''s socket to accept connections (a daemon starting, a socket unit not yet there); --wait alone waits without limit.]:span:{__laureatectl_complete "${___wait[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_laureatectl_program() {
    local -i ret=1
    local -ar ___output=('human' 'json' 'jsonl' 'csv' 'tsv')
    local -ar ___color=('auto' 'always' 'never')
    local -ar ___timeout=('500ms' '5s' '1min' 'infinity')
    local -ar ___wait=('500ms' '5s' '1min' 'infinity')
    local -ar arg_specs=(
        '--socket[Socket path (default\: $LAUREATED_SOCKET, /etc/laureated/laureated.defaults, /run/laureated/laureated.sock or $XDG_RUNTIME_DIR/laureated.sock).]:path:_files'
        '(-o --output)'{-o,--output}'[Output format\: human, json (pretty on a terminal, one line when piped), jsonl (one line per record), csv or tsv (a header row, then one row per record or group).]:format:{__laureatectl_complete "${___output[@]}"}'
        '(-j --json)'{-j,--json}'[Same as --output json.]'
        '--seq[Streams (--output jsonl, search --all --json, watch --json) as RFC 7464 JSON text sequences\: each element after an RS character.]'
        '--color[Colour\: auto (on a terminal, unless NO_COLOR is set), always or never.]:when:{__laureatectl_complete "${___color[@]}"}'
        '--csv-separator[The field separator of --output csv, e.g. '\'';'\'' for French spreadsheets.]:c:'
        '--timeout[How long to wait for a reply, as seconds or a systemd time span (500ms, 2s, 1min, infinity); exit 75 on expiry.]:span:{__laureatectl_complete "${___timeout[@]}"}'
        '--wait[Wait up to this span for the daemon'\''s socket to accept connections (a daemon starting, a socket unit not yet there); --wait alone waits without limit.]:span:{__laureatectl_complete "${___wait[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_laureatectl_status() {
    local -i ret=1
    local -ar ___output=('human' 'json' 'jsonl' 'csv' 'tsv')
    local -ar ___color=('auto' 'always' 'never')
    local -ar ___timeout=('500ms' '5s' '1min' 'infinity')
    local -ar ___wait=('500ms' '5s' '1min' 'infinity')
    local -ar arg_specs=(
        '--socket[Socket path (default\: $LAUREATED_SOCKET, /etc/laureated/laureated.defaults, /run/laureated/laureated.sock or $XDG_RUNTIME_DIR/laureated.sock).]:path:_files'
        '(-o --output)'{-o,--output}'[Output format\: human, json (pretty on a terminal, one line when piped), jsonl (one line per record), csv or tsv (a header row, then one row per record or group).]:format:{__laureatectl_complete "${___output[@]}"}'
        '(-j --json)'{-j,--json}'[Same as --output json.]'
        '--seq[Streams (--output jsonl, search --all --json, watch --json) as RFC 7464 JSON text sequences\: each element after an RS character.]'
        '--color[Colour\: auto (on a terminal, unless NO_COLOR is set), always or never.]:when:{__laureatectl_complete "${___color[@]}"}'
        '--csv-separator[The field separator of --output csv, e.g. '\'';'\'' for French spreadsheets.]:c:'
        '--timeout[How long to wait for a reply, as seconds or a systemd time span (500ms, 2s, 1min, infinity); exit 75 on expiry.]:span:{__laureatectl_complete "${___timeout[@]}"}'
        '--wait[Wait up to this span for the daemon'\''s socket to accept connections (a daemon starting, a socket unit not yet there); --wait alone waits without limit.]:span:{__laureatectl_complete "${___wait[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_laureatectl_reload() {
    local -i ret=1
    local -ar ___output=('human' 'json' 'jsonl' 'csv' 'tsv')
    local -ar ___color=('auto' 'always' 'never')
    local -ar ___timeout=('500ms' '5s' '1min' 'infinity')
    local -ar ___wait=('500ms' '5s' '1min' 'infinity')
    local -ar arg_specs=(
        '--socket[Socket path (default\: $LAUREATED_SOCKET, /etc/laureated/laureated.defaults, /run/laureated/laureated.sock or $XDG_RUNTIME_DIR/laureated.sock).]:path:_files'
        '(-o --output)'{-o,--output}'[Output format\: human, json (pretty on a terminal, one line when piped), jsonl (one line per record), csv or tsv (a header row, then one row per record or group).]:format:{__laureatectl_complete "${___output[@]}"}'
        '(-j --json)'{-j,--json}'[Same as --output json.]'
        '--seq[Streams (--output jsonl, search --all --json, watch --json) as RFC 7464 JSON text sequences\: each element after an RS character.]'
        '--color[Colour\: auto (on a terminal, unless NO_COLOR is set), always or never.]:when:{__laureatectl_complete "${___color[@]}"}'
        '--csv-separator[The field separator of --output csv, e.g. '\'';'\'' for French spreadsheets.]:c:'
        '--timeout[How long to wait for a reply, as seconds or a systemd time span (500ms, 2s, 1min, infinity); exit 75 on expiry.]:span:{__laureatectl_complete "${___timeout[@]}"}'
        '--wait[Wait up to this span for the daemon'\''s socket to accept connections (a daemon starting, a socket unit not yet there); --wait alone waits without limit.]:span:{__laureatectl_complete "${___wait[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_laureatectl_watch() {
    local -i ret=1
    local -ar ___output=('human' 'json' 'jsonl' 'csv' 'tsv')
    local -ar ___color=('auto' 'always' 'never')
    local -ar ___timeout=('500ms' '5s' '1min' 'infinity')
    local -ar ___wait=('500ms' '5s' '1min' 'infinity')
    local -ar arg_specs=(
        '--socket[Socket path (default\: $LAUREATED_SOCKET, /etc/laureated/laureated.defaults, /run/laureated/laureated.sock or $XDG_RUNTIME_DIR/laureated.sock).]:path:_files'
        '(-o --output)'{-o,--output}'[Output format\: human, json (pretty on a terminal, one line when piped), jsonl (one line per record), csv or tsv (a header row, then one row per record or group).]:format:{__laureatectl_complete "${___output[@]}"}'
        '(-j --json)'{-j,--json}'[Same as --output json.]'
        '--seq[Streams (--output jsonl, search --all --json, watch --json) as RFC 7464 JSON text sequences\: each element after an RS character.]'
        '--color[Colour\: auto (on a terminal, unless NO_COLOR is set), always or never.]:when:{__laureatectl_complete "${___color[@]}"}'
        '--csv-separator[The field separator of --output csv, e.g. '\'';'\'' for French spreadsheets.]:c:'
        '--timeout[How long to wait for a reply, as seconds or a systemd time span (500ms, 2s, 1min, infinity); exit 75 on expiry.]:span:{__laureatectl_complete "${___timeout[@]}"}'
        '--wait[Wait up to this span for the daemon'\''s socket to accept connections (a daemon starting, a socket unit not yet there); --wait alone waits without limit.]:span:{__laureatectl_complete "${___wait[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_laureatectl_changes() {
    local -i ret=1
    local -ar ___output=('human' 'json' 'jsonl' 'csv' 'tsv')
    local -ar ___color=('auto' 'always' 'never')
    local -ar ___timeout=('500ms' '5s' '1min' 'infinity')
    local -ar ___wait=('500ms' '5s' '1min' 'infinity')
    local -ar arg_specs=(
        '--since[The generation to catch up from.]:since:'
        '--socket[Socket path (default\: $LAUREATED_SOCKET, /etc/laureated/laureated.defaults, /run/laureated/laureated.sock or $XDG_RUNTIME_DIR/laureated.sock).]:path:_files'
        '(-o --output)'{-o,--output}'[Output format\: human, json (pretty on a terminal, one line when piped), jsonl (one line per record), csv or tsv (a header row, then one row per record or group).]:format:{__laureatectl_complete "${___output[@]}"}'
        '(-j --json)'{-j,--json}'[Same as --output json.]'
        '--seq[Streams (--output jsonl, search --all --json, watch --json) as RFC 7464 JSON text sequences\: each element after an RS character.]'
        '--color[Colour\: auto (on a terminal, unless NO_COLOR is set), always or never.]:when:{__laureatectl_complete "${___color[@]}"}'
        '--csv-separator[The field separator of --output csv, e.g. '\'';'\'' for French spreadsheets.]:c:'
        '--timeout[How long to wait for a reply, as seconds or a systemd time span (500ms, 2s, 1min, infinity); exit 75 on expiry.]:span:{__laureatectl_complete "${___timeout[@]}"}'
        '--wait[Wait up to this span for the daemon'\''s socket to accept connections (a daemon starting, a socket unit not yet there); --wait alone waits without limit.]:span:{__laureatectl_complete "${___wait[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_laureatectl_metrics() {
    local -i ret=1
    local -ar ___output=('human' 'json' 'jsonl' 'csv' 'tsv')
    local -ar ___color=('auto' 'always' 'never')
    local -ar ___timeout=('500ms' '5s' '1min' 'infinity')
    local -ar ___wait=('500ms' '5s' '1min' 'infinity')
    local -ar arg_specs=(
        '--socket[Socket path (default\: $LAUREATED_SOCKET, /etc/laureated/laureated.defaults, /run/laureated/laureated.sock or $XDG_RUNTIME_DIR/laureated.sock).]:path:_files'
        '(-o --output)'{-o,--output}'[Output format\: human, json (pretty on a terminal, one line when piped), jsonl (one line per record), csv or tsv (a header row, then one row per record or group).]:format:{__laureatectl_complete "${___output[@]}"}'
        '(-j --json)'{-j,--json}'[Same as --output json.]'
        '--seq[Streams (--output jsonl, search --all --json, watch --json) as RFC 7464 JSON text sequences\: each element after an RS character.]'
        '--color[Colour\: auto (on a terminal, unless NO_COLOR is set), always or never.]:when:{__laureatectl_complete "${___color[@]}"}'
        '--csv-separator[The field separator of --output csv, e.g. '\'';'\'' for French spreadsheets.]:c:'
        '--timeout[How long to wait for a reply, as seconds or a systemd time span (500ms, 2s, 1min, infinity); exit 75 on expiry.]:span:{__laureatectl_complete "${___timeout[@]}"}'
        '--wait[Wait up to this span for the daemon'\''s socket to accept connections (a daemon starting, a socket unit not yet there); --wait alone waits without limit.]:span:{__laureatectl_complete "${___wait[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_laureatectl_discover() {
    local -i ret=1
    local -ar _method=('ping' 'laureate.get' 'laureate.search' 'laureate.stats' 'laureate.changes' 'sector.list' 'program.info' 'server.status' 'server.reload' 'server.metrics' 'events.subscribe' 'rpc.discover')
    local -ar ___output=('human' 'json' 'jsonl' 'csv' 'tsv')
    local -ar ___color=('auto' 'always' 'never')
    local -ar ___timeout=('500ms' '5s' '1min' 'infinity')
    local -ar ___wait=('500ms' '5s' '1min' 'infinity')
    local -ar arg_specs=(
        ':method:{__laureatectl_complete "${_method[@]}"}'
        '--socket[Socket path (default\: $LAUREATED_SOCKET, /etc/laureated/laureated.defaults, /run/laureated/laureated.sock or $XDG_RUNTIME_DIR/laureated.sock).]:path:_files'
        '(-o --output)'{-o,--output}'[Output format\: human, json (pretty on a terminal, one line when piped), jsonl (one line per record), csv or tsv (a header row, then one row per record or group).]:format:{__laureatectl_complete "${___output[@]}"}'
        '(-j --json)'{-j,--json}'[Same as --output json.]'
        '--seq[Streams (--output jsonl, search --all --json, watch --json) as RFC 7464 JSON text sequences\: each element after an RS character.]'
        '--color[Colour\: auto (on a terminal, unless NO_COLOR is set), always or never.]:when:{__laureatectl_complete "${___color[@]}"}'
        '--csv-separator[The field separator of --output csv, e.g. '\'';'\'' for French spreadsheets.]:c:'
        '--timeout[How long to wait for a reply, as seconds or a systemd time span (500ms, 2s, 1min, infinity); exit 75 on expiry.]:span:{__laureatectl_complete "${___timeout[@]}"}'
        '--wait[Wait up to this span for the daemon'\''s socket to accept connections (a daemon starting, a socket unit not yet there); --wait alone waits without limit.]:span:{__laureatectl_complete "${___wait[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_laureatectl_call() {
    local -i ret=1
    local -ar _method=('ping' 'laureate.get' 'laureate.search' 'laureate.stats' 'laureate.changes' 'sector.list' 'program.info' 'server.status' 'server.reload' 'server.metrics' 'events.subscribe' 'rpc.discover')
    local -ar ___output=('human' 'json' 'jsonl' 'csv' 'tsv')
    local -ar ___color=('auto' 'always' 'never')
    local -ar ___timeout=('500ms' '5s' '1min' 'infinity')
    local -ar ___wait=('500ms' '5s' '1min' 'infinity')
    local -ar arg_specs=(
        ':method:{__laureatectl_complete "${_method[@]}"}'
        '*:params:'
        '--socket[Socket path (default\: $LAUREATED_SOCKET, /etc/laureated/laureated.defaults, /run/laureated/laureated.sock or $XDG_RUNTIME_DIR/laureated.sock).]:path:_files'
        '(-o --output)'{-o,--output}'[Output format\: human, json (pretty on a terminal, one line when piped), jsonl (one line per record), csv or tsv (a header row, then one row per record or group).]:format:{__laureatectl_complete "${___output[@]}"}'
        '(-j --json)'{-j,--json}'[Same as --output json.]'
        '--seq[Streams (--output jsonl, search --all --json, watch --json) as RFC 7464 JSON text sequences\: each element after an RS character.]'
        '--color[Colour\: auto (on a terminal, unless NO_COLOR is set), always or never.]:when:{__laureatectl_complete "${___color[@]}"}'
        '--csv-separator[The field separator of --output csv, e.g. '\'';'\'' for French spreadsheets.]:c:'
        '--timeout[How long to wait for a reply, as seconds or a systemd time span (500ms, 2s, 1min, infinity); exit 75 on expiry.]:span:{__laureatectl_complete "${___timeout[@]}"}'
        '--wait[Wait up to this span for the daemon'\''s socket to accept connections (a daemon starting, a socket unit not yet there); --wait alone waits without limit.]:span:{__laureatectl_complete "${___wait[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_laureatectl_ping() {
    local -i ret=1
    local -ar ___output=('human' 'json' 'jsonl' 'csv' 'tsv')
    local -ar ___color=('auto' 'always' 'never')
    local -ar ___timeout=('500ms' '5s' '1min' 'infinity')
    local -ar ___wait=('500ms' '5s' '1min' 'infinity')
    local -ar arg_specs=(
        '--socket[Socket path (default\: $LAUREATED_SOCKET, /etc/laureated/laureated.defaults, /run/laureated/laureated.sock or $XDG_RUNTIME_DIR/laureated.sock).]:path:_files'
        '(-o --output)'{-o,--output}'[Output format\: human, json (pretty on a terminal, one line when piped), jsonl (one line per record), csv or tsv (a header row, then one row per record or group).]:format:{__laureatectl_complete "${___output[@]}"}'
        '(-j --json)'{-j,--json}'[Same as --output json.]'
        '--seq[Streams (--output jsonl, search --all --json, watch --json) as RFC 7464 JSON text sequences\: each element after an RS character.]'
        '--color[Colour\: auto (on a terminal, unless NO_COLOR is set), always or never.]:when:{__laureatectl_complete "${___color[@]}"}'
        '--csv-separator[The field separator of --output csv, e.g. '\'';'\'' for French spreadsheets.]:c:'
        '--timeout[How long to wait for a reply, as seconds or a systemd time span (500ms, 2s, 1min, infinity); exit 75 on expiry.]:span:{__laureatectl_complete "${___timeout[@]}"}'
        '--wait[Wait up to this span for the daemon'\''s socket to accept connections (a daemon starting, a socket unit not yet there); --wait alone waits without limit.]:span:{__laureatectl_complete "${___wait[@]}"}'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_laureatectl_help() {
    local -i ret=1
    local -ar arg_specs=(
        '*:subcommands:'
        '--version[Show the version.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

if [[ "${funcstack[1]}" = _laureatectl ]]; then
    _laureatectl "${@}"
else
    compdef _laureatectl laureatectl
fi
