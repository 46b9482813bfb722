# reportlint.bash — bash completion for reportlint(1).
# Installed as share/bash-completion/completions/reportlint; or source it.
# Completes commands, options, option values (formats and fail-on levels,
# rule ids for --only/--skip from `reportlint rules list`), and files.

_reportlint_options="-r --rules -s --schema --schema-map --format-assert -f --format -o --output --as-of --locale --lang --param --param-file
    --fail-on --only --skip -j --jobs --max-depth --paths --config --no-config --baseline
    --write-baseline --color -q --quiet -v --verbose -h --help --version
    --max-string --max-size --max-file-size --max-violations --timeout --max-memory --at --record --positions --partial
    --allow-outside"

# The formats this reportlint knows, from its --help (text json if that fails).
_reportlint_formats()
{
    local line
    line=$("${1:-reportlint}" --help 2>/dev/null | sed -n 's/^.*--format FMT[[:space:]]*//p')
    line=${line//(default)/}
    line=${line//|/ }
    echo "${line:-text json}"
}

# Rule ids of the rule sets in effect (the first column of `rules list`).
_reportlint_rule_ids()
{
    "${1:-reportlint}" rules list 2>/dev/null | sed -n '2,$s/[[:space:]].*//p'
}

_reportlint_files()
{
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -f -- "$1"))
}

_reportlint()
{
    local cur=${COMP_WORDS[COMP_CWORD]}
    local prev=""
    [ "$COMP_CWORD" -gt 0 ] && prev=${COMP_WORDS[COMP_CWORD - 1]}
    local cmd=${COMP_WORDS[0]}
    COMPREPLY=()

    case $prev in
    -f | --format)
        COMPREPLY=($(compgen -W "$(_reportlint_formats "$cmd")" -- "$cur"))
        return ;;
    --fail-on)
        COMPREPLY=($(compgen -W "error warning info never" -- "$cur"))
        return ;;
    --color)
        COMPREPLY=($(compgen -W "auto always never" -- "$cur"))
        return ;;
    --locale | --lang)
        COMPREPLY=($(compgen -W "en vi id ru nb" -- "$cur"))
        return ;;
    --only | --skip)
        local done=${cur%"${cur##*,}"} last=${cur##*,}
        COMPREPLY=($(compgen -P "$done" -W "$(_reportlint_rule_ids "$cmd")" -- "$last"))
        return ;;
    -r | --rules | -s | --schema | -o | --output | --config | --baseline | --write-baseline | --partial | --allow-outside)
        _reportlint_files "$cur"
        return ;;
    --param-file) # NAME=FILE: files after the '='
        case $cur in
        *=*) COMPREPLY=($(compgen -P "${cur%%=*}=" -f -- "${cur#*=}")) ;;
        esac
        return ;;
    --schema-map | --as-of | --param | -j | --jobs | --max-depth | --max-string | --max-size | --max-file-size | --max-violations | --timeout | --max-memory)
        return ;;
    esac

    if [ "$COMP_CWORD" -eq 2 ] && [ "$prev" = rules ]; then
        COMPREPLY=($(compgen -W "check list test" -- "$cur"))
        return
    fi
    if [ "$COMP_CWORD" -eq 2 ] && [ "$prev" = schema ]; then
        COMPREPLY=($(compgen -W "validate" -- "$cur"))
        return
    fi
    case $cur in
    -*)
        COMPREPLY=($(compgen -W "$_reportlint_options" -- "$cur"))
        ;;
    *)
        if [ "$COMP_CWORD" -eq 1 ]; then
            COMPREPLY=($(compgen -W "rules eval path schema merge" -- "$cur"))
        fi
        local files
        files=($(compgen -f -- "$cur"))
        [ ${#files[@]} -gt 0 ] && compopt -o filenames 2>/dev/null
        COMPREPLY+=("${files[@]}")
        ;;
    esac
}

complete -F _reportlint reportlint
