# Shared start of the end-to-end test scripts in this folder. Sourced, not
# run:
#
#   . "$(dirname "$0")/common.sh"
#   take_tracker_and_source "$@"     # sets TRACKER and SRC, absolute
#   require_tools python3 mktemp     # every command the script needs
#
# Both exit with status 2 and a one-line reason on standard error, which
# ctest shows: a script that cannot run must not look like one that failed.

take_tracker_and_source() {
    if [ $# -ne 2 ]; then
        echo "usage: $0 <path-to-tracker> <source-dir>" >&2
        exit 2
    fi
    TRACKER=$(realpath -- "$1") || exit 2
    SRC=$(realpath -- "$2") || exit 2
    if [ ! -x "$TRACKER" ]; then
        echo "$0: $TRACKER is not an executable" >&2
        exit 2
    fi
}

require_tools() {
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null || { echo "$0: $tool is required (scripts/install-deps)" >&2; exit 2; }
    done
}
