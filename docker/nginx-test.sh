#!/bin/sh
# Syntax-check docker/nginx.conf with the machine's nginx (Debian: apt-get install -y nginx-light).
# The upstream hosts api1/api2 only resolve inside the compose network, so the check runs on a
# temporary copy whose `server apiN:3000` lines point at 127.0.0.1 instead; nothing else changes.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=$(grep -cE '^[[:space:]]*server api[0-9]+:3000' "$here/nginx.conf" || true)
if [ "$n" -lt 2 ]; then
  echo "nginx-test: expected at least two 'server apiN:3000' upstream lines, found $n" >&2
  exit 1
fi
sed -E 's/^([[:space:]]*server )api([0-9]+):3000/\1127.0.0.1:30\2/' "$here/nginx.conf" > "$tmp/nginx.conf"
nginx -t -c "$tmp/nginx.conf"
echo "nginx-test: docker/nginx.conf OK ($n upstream servers)"
