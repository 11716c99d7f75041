#!/usr/bin/env bash
# Writes an nginx configuration for our node behind nginx to DIR/nginx.conf and starts nginx
# with it (in the foreground of a background job; its pid in DIR/nginx.pid):
#
#   tools/scale-out/nginx.sh DIR LISTEN-PORT BACKEND-PORT...
#
# The configuration is the one docs/deploying.md explains: HTTP/1.1 to the backends with
# keep-alive connections kept open (keepalive 64, an empty Connection header), and a request
# that fails on one backend (refused, reset, no answer) tried on the next.
set -euo pipefail
dir=$1 listen=$2
shift 2
servers=""
for port in "$@"; do
  servers="$servers        server 127.0.0.1:$port max_fails=1 fail_timeout=2s;
"
done
cat >"$dir/nginx.conf" <<CONF
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
daemon off;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $dir/body;
    proxy_temp_path $dir/proxy;
    fastcgi_temp_path $dir/fastcgi;
    uwsgi_temp_path $dir/uwsgi;
    scgi_temp_path $dir/scgi;
    upstream node_backends {
$servers        keepalive 64;
    }
    server {
        listen 127.0.0.1:$listen;
        location / {
            proxy_pass http://node_backends;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
            proxy_next_upstream error timeout http_502;
            proxy_buffering off;
        }
    }
}
CONF
exec nginx -c "$dir/nginx.conf" -p "$dir"
