#!/usr/bin/env bash
# The Debian chroots the newer-QGIS targets run in (trixie: QGIS 3.40, sid: QGIS 3.44).
#
#   .ci/chroot.sh build SUITE           build /var/cache/reserve-planner/SUITE, or reuse it when its stamp is current
#   .ci/chroot.sh run SUITE COMMAND [PATH...]
#                                       build/reuse it, copy this checkout (tracked and untracked, not ignored files:
#                                       no .venv, no .deps-stamp) and ../shared into a fresh folder inside, and run
#                                       COMMAND there (sh -c) in a private mount namespace; then copy each PATH
#                                       (relative to the checkout) back into this checkout; the folder is removed after
#
# Environment: CHROOT_PACKAGES (Debian packages, from the Makefile), CHROOT_PIP_REQUIREMENTS (requirement files of
# PyPI tools whose wheels are downloaded on the host into /opt/reserve-planner/wheels: pip inside the chroot fails
# certificate checks; runs set PIP_NO_INDEX and PIP_FIND_LINKS to it, so `make venv` works there as on the host),
# CHROOT_PIP_INSTALL (those of them installed system-wide in the chroot), HOST_PIP (a pip that downloads them),
# CHROOT_CACHE (default /var/cache/reserve-planner), KEEP_RUN=1 keeps the run folder.
# The stamp is a hash of the suite, the package list and the PyPI requirements: when it changes, packages only added
# to the list (or a changed PyPI requirement) are installed in place; a package removed from the list rebuilds it.
# Every mount lives in the run's own mount namespace and is unmounted on exit (trap); nothing is left mounted on the host.
set -euo pipefail

ACTION=${1:?usage: chroot.sh build|run SUITE [COMMAND]}
SUITE=${2:?usage: chroot.sh build|run SUITE [COMMAND]}
CACHE=${CHROOT_CACHE:-/var/cache/reserve-planner}
ROOT=$CACHE/$SUITE
MIRROR=http://deb.debian.org/debian
REPO=$(cd "$(dirname "$0")/.." && pwd)
SHARED=$(dirname "$REPO")/shared
: "${CHROOT_PACKAGES:?CHROOT_PACKAGES is set by the Makefile}"
: "${CHROOT_PIP_REQUIREMENTS:=}"
: "${CHROOT_PIP_INSTALL:=}"
: "${HOST_PIP:=python3 -m pip}"
CHROOT_ENV=(/usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive)

log() { echo "[chroot $SUITE $(date -u +%H:%M:%S)] $*" >&2; }

stamp() {
    { echo "$SUITE $MIRROR"; echo "$CHROOT_PACKAGES" | tr -s ' \t' '\n' | sort; \
      for requirements in $CHROOT_PIP_REQUIREMENTS; do cat "$REPO/$requirements"; done; } | sha256sum | cut -d' ' -f1
}

current() {  # is $ROOT built from the current package list?
    [ -f "$ROOT/.stamp" ] && [ "$(cat "$ROOT/.stamp")" = "$(stamp)" ]
}

mounted_under() {  # is anything of the current mount namespace mounted inside $1?
    awk -v root="$1/" 'index($2 "/", root) == 1 { found = 1 } END { exit !found }' /proc/self/mounts
}

remove_tree() {
    if mounted_under "$1"; then
        log "refusing to delete $1: something is mounted inside it (unmount dev/shm, dev, proc first)"
        return 1
    fi
    rm -rf --one-file-system "$1"
}

in_namespace() {  # in_namespace ROOT COMMAND...: run COMMAND chrooted in ROOT, in a private mount namespace
    unshare --mount --propagation private "$(realpath "$0")" __namespace "$SUITE" "$@"
}

namespace() {  # inside the new namespace: mount ROOT's proc, dev and dev/shm, always unmount them, run the command
    NAMESPACE_ROOT=$1; shift
    unmount() { for point in dev/shm dev proc; do umount "$NAMESPACE_ROOT/$point" 2>/dev/null || true; done; }
    trap unmount EXIT
    mount -t proc proc "$NAMESPACE_ROOT/proc"
    mount --bind /dev "$NAMESPACE_ROOT/dev"
    mount --bind /dev/shm "$NAMESPACE_ROOT/dev/shm"
    chroot "$NAMESPACE_ROOT" "${CHROOT_ENV[@]}" "$@"
}

python_version() {
    chroot "$1" "${CHROOT_ENV[@]}" python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])'
}

package_list() {
    echo "$CHROOT_PACKAGES" | tr -s ' \t' '\n' | sed '/^$/d' | sort -u
}

adds_packages_only() {  # does the new package list only add packages to the ones $ROOT was built with?
    [ -f "$ROOT/.stamp" ] && [ -f "$ROOT/.packages" ] && [ -z "$(package_list | comm -23 "$ROOT/.packages" -)" ]
}

provision() {  # provision ROOT: install the packages and the PyPI tools, then write its stamp
    local root=$1 valid_until=true
    [ "$SUITE" != sid ] || valid_until=false  # sid's Release file may have expired (Check-Valid-Until)
    log "installing packages (log: $CACHE/$SUITE.build.log)"
    in_namespace "$root" sh -c "dpkg --configure -a && apt-get -q -o Acquire::Check-Valid-Until=$valid_until update &&
        apt-get install -y -q --no-install-recommends $CHROOT_PACKAGES" < /dev/null >> "$CACHE/$SUITE.build.log" 2>&1 \
        || { tail -30 "$CACHE/$SUITE.build.log"; exit 1; }
    if [ -n "$CHROOT_PIP_REQUIREMENTS" ]; then
        local version wheels=$root/opt/reserve-planner/wheels
        version=$(python_version "$root")
        mkdir -p "$wheels"
        log "downloading wheels for Python $version on the host: $CHROOT_PIP_REQUIREMENTS"
        for requirements in $CHROOT_PIP_REQUIREMENTS; do
            $HOST_PIP download -q --only-binary=:all: --python-version "$version" --implementation cp \
                --platform manylinux2014_x86_64 --platform manylinux_2_17_x86_64 --platform any \
                -d "$wheels" -r "$REPO/$requirements"
        done
        for requirements in $CHROOT_PIP_INSTALL; do
            cp "$REPO/$requirements" "$wheels/"
            chroot "$root" "${CHROOT_ENV[@]}" python3 -m pip install -q --break-system-packages \
                --root-user-action=ignore --no-warn-script-location --no-index \
                --find-links /opt/reserve-planner/wheels -r "/opt/reserve-planner/wheels/$(basename "$requirements")"
        done
    fi
    chroot "$root" "${CHROOT_ENV[@]}" apt-get clean
    package_list > "$root/.packages"
    stamp > "$root/.stamp"
}

update() {  # packages were only added: install them into the chroot in place (runs wait on the lock meanwhile)
    local started
    started=$(date +%s)
    log "updating $ROOT in place: new packages $(package_list | comm -13 "$ROOT/.packages" - | tr '\n' ' ')"
    provision "$ROOT"
    log "updated $ROOT in $(($(date +%s) - started)) s"
}

build() {  # debootstrap into ROOT.new, provision it, then replace ROOT
    local new=$ROOT.new started
    started=$(date +%s)
    log "building $ROOT from $MIRROR (stamp $(stamp))"
    if [ ! -f "$new/.debootstrapped" ]; then  # an interrupted build resumes after debootstrap
        [ ! -e "$new" ] || remove_tree "$new"
        debootstrap --variant=minbase "$SUITE" "$new" "$MIRROR" > "$CACHE/$SUITE.build.log" 2>&1 \
            || { tail -20 "$CACHE/$SUITE.build.log"; exit 1; }
        touch "$new/.debootstrapped"
        log "debootstrap done in $(($(date +%s) - started)) s"
    fi
    provision "$new"
    rm "$new/.debootstrapped"
    [ ! -e "$ROOT" ] || remove_tree "$ROOT"
    mv "$new" "$ROOT"
    touch "$ROOT/.ready"
    log "built $ROOT in $(($(date +%s) - started)) s"
}

run() {
    local command=$1 inside
    RUN_DIR=$(mktemp -d "$ROOT/tmp/run.XXXXXX")
    local work=$RUN_DIR
    inside=${work#"$ROOT"}
    cleanup() { if [ "${KEEP_RUN:-0}" = 1 ]; then log "kept $RUN_DIR"; else rm -rf --one-file-system "$RUN_DIR"; fi; }
    trap cleanup EXIT
    mkdir -p "$work/reserve_planner" "$work/home" "$work/tmp"
    (cd "$REPO" && git ls-files -co --exclude-standard -z | xargs -0 -r stat --printf '%n\0' 2>/dev/null \
        | tar --null -T - -cf -) | tar -C "$work/reserve_planner" -xf -
    cp -r "$SHARED" "$work/shared"
    # make zip (test_packaging) packs `git ls-files`: the copy is a repository of its own.
    git -C "$work/reserve_planner" init -q
    git -C "$work/reserve_planner" add -A
    git -C "$work/reserve_planner" -c user.name=ci -c user.email=ci@localhost commit -q -m "copy of $REPO"
    log "running in $work/reserve_planner: $command"
    in_namespace "$ROOT" HOME="$inside/home" TMPDIR="$inside/tmp" ${CI:+CI="$CI"} \
        PIP_NO_INDEX=1 PIP_FIND_LINKS=/opt/reserve-planner/wheels \
        sh -c "cd $inside/reserve_planner && $command" < /dev/null
    shift
    for path in "$@"; do
        cp -v "$work/reserve_planner/$path" "$REPO/$path"
    done
}

if [ "$ACTION" = __namespace ]; then
    shift 2
    namespace "$@"
    exit
fi
mkdir -p "$CACHE"
exec 9> "$CACHE/$SUITE.lock"
flock -s 9                # runs share the chroot; a (re)build waits for them and runs alone
if ! current; then
    flock -u 9; flock -x 9
    if current; then :; elif adds_packages_only; then update; else build; fi
    flock -s 9
fi
case "$ACTION" in
    build) ;;
    run) shift 2; run "${1:?usage: chroot.sh run SUITE COMMAND [PATH...]}" "${@:2}" ;;
    *) echo "unknown action $ACTION" >&2; exit 2 ;;
esac
