#!/bin/bash

__laureatectl_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__laureatectl_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__laureatectl_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__laureatectl_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_laureatectl() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=()
    local -a non_repeating_flags=(-j --json --seq --version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=(--socket -o --output --color --csv-separator --timeout --wait)
    __laureatectl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--socket')
        __laureatectl_add_completions -f
        return
        ;;
    '-o'|'--output')
        __laureatectl_add_completions -W 'human'$'\n''json'$'\n''jsonl'$'\n''csv'$'\n''tsv'
        return
        ;;
    '--color')
        __laureatectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--csv-separator')
        return
        ;;
    '--timeout')
        __laureatectl_add_completions -W '500ms'$'\n''5s'$'\n''1min'$'\n''infinity'
        return
        ;;
    '--wait')
        __laureatectl_add_completions -W '500ms'$'\n''5s'$'\n''1min'$'\n''infinity'
        return
        ;;
    esac

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    get|search|stats|sectors|program|status|reload|watch|changes|metrics|discover|call|ping|help)
        # Offer subcommand argument completions
        "_laureatectl_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'get search stats sectors program status reload watch changes metrics discover call ping help' -- "${cur}"))
        ;;
    esac
}

_laureatectl_get() {
    repeating_flags=()
    non_repeating_flags=(-j --json --seq --version -h --help)
    repeating_options=()
    non_repeating_options=(--fields --socket -o --output --color --csv-separator --timeout --wait)
    __laureatectl_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--fields')
        __laureatectl_add_completions -W 'id'$'\n''project'$'\n''title'$'\n''company'$'\n''city'$'\n''department'$'\n''region'$'\n''sector'$'\n''summary'$'\n''jobs'$'\n''investment_eur'$'\n''aid_eur'$'\n''call'$'\n''announced'$'\n''sources'$'\n''notes'$'\n''derived'
        return
        ;;
    '--socket')
        __laureatectl_add_completions -f
        return
        ;;
    '-o'|'--output')
        __laureatectl_add_completions -W 'human'$'\n''json'$'\n''jsonl'$'\n''csv'$'\n''tsv'
        return
        ;;
    '--color')
        __laureatectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--csv-separator')
        return
        ;;
    '--timeout')
        __laureatectl_add_completions -W '500ms'$'\n''5s'$'\n''1min'$'\n''infinity'
        return
        ;;
    '--wait')
        __laureatectl_add_completions -W '500ms'$'\n''5s'$'\n''1min'$'\n''infinity'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    *)
        __laureatectl_add_completions -W "$(__laureatectl_custom_complete ---completion get -- positional@0 "${COMP_CWORD}" "$(__laureatectl_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_laureatectl_search() {
    repeating_flags=()
    non_repeating_flags=(--no-typos --highlight --all -j --json --seq --version -h --help)
    repeating_options=(--sector --region --department --city --company --call --facet)
    non_repeating_options=(-q --q --jobs --investment --aid --near --km --fields -n --limit --offset --sort --socket -o --output --color --csv-separator --timeout --wait)
    __laureatectl_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '-q'|'--q')
        return
        ;;
    '--sector')
        __laureatectl_add_completions -W 'sante'$'\n''agroalimentaire'$'\n''electronique'$'\n''intrants'$'\n''5g'
        return
        ;;
    '--region')
        return
        ;;
    '--department')
        __laureatectl_add_completions -W '01'$'\n''02'$'\n''03'$'\n''04'$'\n''05'$'\n''06'$'\n''07'$'\n''08'$'\n''09'$'\n''10'$'\n''11'$'\n''12'$'\n''13'$'\n''14'$'\n''15'$'\n''16'$'\n''17'$'\n''18'$'\n''19'$'\n''21'$'\n''22'$'\n''23'$'\n''24'$'\n''25'$'\n''26'$'\n''27'$'\n''28'$'\n''29'$'\n''2A'$'\n''2B'$'\n''30'$'\n''31'$'\n''32'$'\n''33'$'\n''34'$'\n''35'$'\n''36'$'\n''37'$'\n''38'$'\n''39'$'\n''40'$'\n''41'$'\n''42'$'\n''43'$'\n''44'$'\n''45'$'\n''46'$'\n''47'$'\n''48'$'\n''49'$'\n''50'$'\n''51'$'\n''52'$'\n''53'$'\n''54'$'\n''55'$'\n''56'$'\n''57'$'\n''58'$'\n''59'$'\n''60'$'\n''61'$'\n''62'$'\n''63'$'\n''64'$'\n''65'$'\n''66'$'\n''67'$'\n''68'$'\n''69'$'\n''70'$'\n''71'$'\n''72'$'\n''73'$'\n''74'$'\n''75'$'\n''76'$'\n''77'$'\n''78'$'\n''79'$'\n''80'$'\n''81'$'\n''82'$'\n''83'$'\n''84'$'\n''85'$'\n''86'$'\n''87'$'\n''88'$'\n''89'$'\n''90'$'\n''91'$'\n''92'$'\n''93'$'\n''94'$'\n''95'$'\n''971'$'\n''972'$'\n''973'$'\n''974'$'\n''976'
        return
        ;;
    '--city')
        return
        ;;
    '--company')
        return
        ;;
    '--call')
        return
        ;;
    '--jobs')
        return
        ;;
    '--investment')
        return
        ;;
    '--aid')
        return
        ;;
    '--near')
        return
        ;;
    '--km')
        return
        ;;
    '--fields')
        __laureatectl_add_completions -W 'id'$'\n''project'$'\n''title'$'\n''company'$'\n''city'$'\n''department'$'\n''region'$'\n''sector'$'\n''summary'$'\n''jobs'$'\n''investment_eur'$'\n''aid_eur'$'\n''call'$'\n''announced'$'\n''sources'$'\n''notes'$'\n''derived'
        return
        ;;
    '-n'|'--limit')
        return
        ;;
    '--offset')
        return
        ;;
    '--sort')
        __laureatectl_add_completions -W 'relevance'$'\n''-relevance'$'\n''project'$'\n''-project'$'\n''jobs'$'\n''-jobs'$'\n''investment'$'\n''-investment'$'\n''aid'$'\n''-aid'$'\n''distance'$'\n''-distance'
        return
        ;;
    '--facet')
        __laureatectl_add_completions -W 'sector'$'\n''region'$'\n''department'$'\n''call'
        return
        ;;
    '--socket')
        __laureatectl_add_completions -f
        return
        ;;
    '-o'|'--output')
        __laureatectl_add_completions -W 'human'$'\n''json'$'\n''jsonl'$'\n''csv'$'\n''tsv'
        return
        ;;
    '--color')
        __laureatectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--csv-separator')
        return
        ;;
    '--timeout')
        __laureatectl_add_completions -W '500ms'$'\n''5s'$'\n''1min'$'\n''infinity'
        return
        ;;
    '--wait')
        __laureatectl_add_completions -W '500ms'$'\n''5s'$'\n''1min'$'\n''infinity'
        return
        ;;
    esac
}

_laureatectl_stats() {
    repeating_flags=()
    non_repeating_flags=(--no-typos -j --json --seq --version -h --help)
    repeating_options=(--sector --region --department --city --company --call)
    non_repeating_options=(--by --figure -q --q --jobs --investment --aid --near --km --socket -o --output --color --csv-separator --timeout --wait)
    __laureatectl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--by')
        __laureatectl_add_completions -W 'sector'$'\n''region'$'\n''department'$'\n''call'$'\n''sector,region'$'\n''sector,department'$'\n''sector,call'$'\n''region,sector'$'\n''region,department'$'\n''region,call'$'\n''department,sector'$'\n''department,region'$'\n''department,call'$'\n''call,sector'$'\n''call,region'$'\n''call,department'
        return
        ;;
    '--figure')
        __laureatectl_add_completions -W 'jobs'$'\n''investment'$'\n''aid'
        return
        ;;
    '-q'|'--q')
        return
        ;;
    '--sector')
        __laureatectl_add_completions -W 'sante'$'\n''agroalimentaire'$'\n''electronique'$'\n''intrants'$'\n''5g'
        return
        ;;
    '--region')
        return
        ;;
    '--department')
        __laureatectl_add_completions -W '01'$'\n''02'$'\n''03'$'\n''04'$'\n''05'$'\n''06'$'\n''07'$'\n''08'$'\n''09'$'\n''10'$'\n''11'$'\n''12'$'\n''13'$'\n''14'$'\n''15'$'\n''16'$'\n''17'$'\n''18'$'\n''19'$'\n''21'$'\n''22'$'\n''23'$'\n''24'$'\n''25'$'\n''26'$'\n''27'$'\n''28'$'\n''29'$'\n''2A'$'\n''2B'$'\n''30'$'\n''31'$'\n''32'$'\n''33'$'\n''34'$'\n''35'$'\n''36'$'\n''37'$'\n''38'$'\n''39'$'\n''40'$'\n''41'$'\n''42'$'\n''43'$'\n''44'$'\n''45'$'\n''46'$'\n''47'$'\n''48'$'\n''49'$'\n''50'$'\n''51'$'\n''52'$'\n''53'$'\n''54'$'\n''55'$'\n''56'$'\n''57'$'\n''58'$'\n''59'$'\n''60'$'\n''61'$'\n''62'$'\n''63'$'\n''64'$'\n''65'$'\n''66'$'\n''67'$'\n''68'$'\n''69'$'\n''70'$'\n''71'$'\n''72'$'\n''73'$'\n''74'$'\n''75'$'\n''76'$'\n''77'$'\n''78'$'\n''79'$'\n''80'$'\n''81'$'\n''82'$'\n''83'$'\n''84'$'\n''85'$'\n''86'$'\n''87'$'\n''88'$'\n''89'$'\n''90'$'\n''91'$'\n''92'$'\n''93'$'\n''94'$'\n''95'$'\n''971'$'\n''972'$'\n''973'$'\n''974'$'\n''976'
        return
        ;;
    '--city')
        return
        ;;
    '--company')
        return
        ;;
    '--call')
        return
        ;;
    '--jobs')
        return
        ;;
    '--investment')
        return
        ;;
    '--aid')
        return
        ;;
    '--near')
        return
        ;;
    '--km')
        return
        ;;
    '--socket')
        __laureatectl_add_completions -f
        return
        ;;
    '-o'|'--output')
        __laureatectl_add_completions -W 'human'$'\n''json'$'\n''jsonl'$'\n''csv'$'\n''tsv'
        return
        ;;
    '--color')
        __laureatectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--csv-separator')
        return
        ;;
    '--timeout')
        __laureatectl_add_completions -W '500ms'$'\n''5s'$'\n''1min'$'\n''infinity'
        return
        ;;
    '--wait')
        __laureatectl_add_completions -W '500ms'$'\n''5s'$'\n''1min'$'\n''infinity'
        return
        ;;
    esac
}

_laureatectl_sectors() {
    repeating_flags=()
    non_repeating_flags=(-j --json --seq --version -h --help)
    repeating_options=()
    non_repeating_options=(--socket -o --output --color --csv-separator --timeout --wait)
    __laureatectl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--socket')
        __laureatectl_add_completions -f
        return
        ;;
    '-o'|'--output')
        __laureatectl_add_completions -W 'human'$'\n''json'$'\n''jsonl'$'\n''csv'$'\n''tsv'
        return
        ;;
    '--color')
        __laureatectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--csv-separator')
        return
        ;;
    '--timeout')
        __laureatectl_add_completions -W '500ms'$'\n''5s'$'\n''1min'$'\n''infinity'
        return
        ;;
    '--wait')
        __laureatectl_add_completions -W '500ms'$'\n''5s'$'\n''1min'$'\n''infinity'
        return
        ;;
    esac
}

_laureatectl_program() {
    repeating_flags=()
    non_repeating_flags=(-j --json --seq --version -h --help)
    repeating_options=()
    non_repeating_options=(--socket -o --output --color --csv-separator --timeout --wait)
    __laureatectl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--socket')
        __laureatectl_add_completions -f
        return
        ;;
    '-o'|'--output')
        __laureatectl_add_completions -W 'human'$'\n''json'$'\n''jsonl'$'\n''csv'$'\n''tsv'
        return
        ;;
    '--color')
        __laureatectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--csv-separator')
        return
        ;;
    '--timeout')
        __laureatectl_add_completions -W '500ms'$'\n''5s'$'\n''1min'$'\n''infinity'
        return
        ;;
    '--wait')
        __laureatectl_add_completions -W '500ms'$'\n''5s'$'\n''1min'$'\n''infinity'
        return
        ;;
    esac
}

_laureatectl_status() {
    repeating_flags=()
    non_repeating_flags=(-j --json --seq --version -h --help)
    repeating_options=()
    non_repeating_options=(--socket -o --output --color --csv-separator --timeout --wait)
    __laureatectl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--socket')
        __laureatectl_add_completions -f
        return
        ;;
    '-o'|'--output')
        __laureatectl_add_completions -W 'human'$'\n''json'$'\n''jsonl'$'\n''csv'$'\n''tsv'
        return
        ;;
    '--color')
        __laureatectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--csv-separator')
        return
        ;;
    '--timeout')
        __laureatectl_add_completions -W '500ms'$'\n''5s'$'\n''1min'$'\n''infinity'
        return
        ;;
    '--wait')
        __laureatectl_add_completions -W '500ms'$'\n''5s'$'\n''1min'$'\n''infinity'
        return
        ;;
    esac
}

_laureatectl_reload() {
    repeating_flags=()
    non_repeating_flags=(-j --json --seq --version -h --help)
    repeating_options=()
    non_repeating_options=(--socket -o --output --color --csv-separator --timeout --wait)
    __laureatectl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--socket')
        __laureatectl_add_completions -f
        return
        ;;
    '-o'|'--output')
        __laureatectl_add_completions -W 'human'$'\n''json'$'\n''jsonl'$'\n''csv'$'\n''tsv'
        return
        ;;
    '--color')
        __laureatectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--csv-separator')
        return
        ;;
    '--timeout')
        __laureatectl_add_completions -W '500ms'$'\n''5s'$'\n''1min'$'\n''infinity'
        return
        ;;
    '--wait')
        __laureatectl_add_completions -W '500ms'$'\n''5s'$'\n''1min'$'\n''infinity'
        return
        ;;
    esac
}

_laureatectl_watch() {
    repeating_flags=()
    non_repeating_flags=(-j --json --seq --version -h --help)
    repeating_options=()
    non_repeating_options=(--socket -o --output --color --csv-separator --timeout --wait)
    __laureatectl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--socket')
        __laureatectl_add_completions -f
        return
        ;;
    '-o'|'--output')
        __laureatectl_add_completions -W 'human'$'\n''json'$'\n''jsonl'$'\n''csv'$'\n''tsv'
        return
        ;;
    '--color')
        __laureatectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--csv-separator')
        return
        ;;
    '--timeout')
        __laureatectl_add_completions -W '500ms'$'\n''5s'$'\n''1min'$'\n''infinity'
        return
        ;;
    '--wait')
        __laureatectl_add_completions -W '500ms'$'\n''5s'$'\n''1min'$'\n''infinity'
        return
        ;;
    esac
}

_laureatectl_changes() {
    repeating_flags=()
    non_repeating_flags=(-j --json --seq --version -h --help)
    repeating_options=()
    non_repeating_options=(--since --socket -o --output --color --csv-separator --timeout --wait)
    __laureatectl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--since')
        return
        ;;
    '--socket')
        __laureatectl_add_completions -f
        return
        ;;
    '-o'|'--output')
        __laureatectl_add_completions -W 'human'$'\n''json'$'\n''jsonl'$'\n''csv'$'\n''tsv'
        return
        ;;
    '--color')
        __laureatectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--csv-separator')
        return
        ;;
    '--timeout')
        __laureatectl_add_completions -W '500ms'$'\n''5s'$'\n''1min'$'\n''infinity'
        return
        ;;
    '--wait')
        __laureatectl_add_completions -W '500ms'$'\n''5s'$'\n''1min'$'\n''infinity'
        return
        ;;
    esac
}

_laureatectl_metrics() {
    repeating_flags=()
    non_repeating_flags=(-j --json --seq --version -h --help)
    repeating_options=()
    non_repeating_options=(--socket -o --output --color --csv-separator --timeout --wait)
    __laureatectl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--socket')
        __laureatectl_add_completions -f
        return
        ;;
    '-o'|'--output')
        __laureatectl_add_completions -W 'human'$'\n''json'$'\n''jsonl'$'\n''csv'$'\n''tsv'
        return
        ;;
    '--color')
        __laureatectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--csv-separator')
        return
        ;;
    '--timeout')
        __laureatectl_add_completions -W '500ms'$'\n''5s'$'\n''1min'$'\n''infinity'
        return
        ;;
    '--wait')
        __laureatectl_add_completions -W '500ms'$'\n''5s'$'\n''1min'$'\n''infinity'
        return
        ;;
    esac
}

_laureatectl_discover() {
    repeating_flags=()
    non_repeating_flags=(-j --json --seq --version -h --help)
    repeating_options=()
    non_repeating_options=(--socket -o --output --color --csv-separator --timeout --wait)
    __laureatectl_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--socket')
        __laureatectl_add_completions -f
        return
        ;;
    '-o'|'--output')
        __laureatectl_add_completions -W 'human'$'\n''json'$'\n''jsonl'$'\n''csv'$'\n''tsv'
        return
        ;;
    '--color')
        __laureatectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--csv-separator')
        return
        ;;
    '--timeout')
        __laureatectl_add_completions -W '500ms'$'\n''5s'$'\n''1min'$'\n''infinity'
        return
        ;;
    '--wait')
        __laureatectl_add_completions -W '500ms'$'\n''5s'$'\n''1min'$'\n''infinity'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __laureatectl_add_completions -W 'ping'$'\n''laureate.get'$'\n''laureate.search'$'\n''laureate.stats'$'\n''laureate.changes'$'\n''sector.list'$'\n''program.info'$'\n''server.status'$'\n''server.reload'$'\n''server.metrics'$'\n''events.subscribe'$'\n''rpc.discover'
        return
        ;;
    esac
}

_laureatectl_call() {
    repeating_flags=()
    non_repeating_flags=(-j --json --seq --version -h --help)
    repeating_options=()
    non_repeating_options=(--socket -o --output --color --csv-separator --timeout --wait)
    __laureatectl_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--socket')
        __laureatectl_add_completions -f
        return
        ;;
    '-o'|'--output')
        __laureatectl_add_completions -W 'human'$'\n''json'$'\n''jsonl'$'\n''csv'$'\n''tsv'
        return
        ;;
    '--color')
        __laureatectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--csv-separator')
        return
        ;;
    '--timeout')
        __laureatectl_add_completions -W '500ms'$'\n''5s'$'\n''1min'$'\n''infinity'
        return
        ;;
    '--wait')
        __laureatectl_add_completions -W '500ms'$'\n''5s'$'\n''1min'$'\n''infinity'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __laureatectl_add_completions -W 'ping'$'\n''laureate.get'$'\n''laureate.search'$'\n''laureate.stats'$'\n''laureate.changes'$'\n''sector.list'$'\n''program.info'$'\n''server.status'$'\n''server.reload'$'\n''server.metrics'$'\n''events.subscribe'$'\n''rpc.discover'
        return
        ;;
    esac
}

_laureatectl_ping() {
    repeating_flags=()
    non_repeating_flags=(-j --json --seq --version -h --help)
    repeating_options=()
    non_repeating_options=(--socket -o --output --color --csv-separator --timeout --wait)
    __laureatectl_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--socket')
        __laureatectl_add_completions -f
        return
        ;;
    '-o'|'--output')
        __laureatectl_add_completions -W 'human'$'\n''json'$'\n''jsonl'$'\n''csv'$'\n''tsv'
        return
        ;;
    '--color')
        __laureatectl_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    '--csv-separator')
        return
        ;;
    '--timeout')
        __laureatectl_add_completions -W '500ms'$'\n''5s'$'\n''1min'$'\n''infinity'
        return
        ;;
    '--wait')
        __laureatectl_add_completions -W '500ms'$'\n''5s'$'\n''1min'$'\n''infinity'
        return
        ;;
    esac
}

_laureatectl_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __laureatectl_offer_flags_options -1
}

complete -o filenames -F _laureatectl laureatectl
