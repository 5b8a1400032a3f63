#!/usr/bin/env bash
# A runnable Java 17 base image made from this machine's JDK, for building the Unibox image where no container
# registry can be reached (Jib then takes it with -Djib.from.image=tar://...). On a machine that reaches Docker
# Hub the image profile's own base (eclipse-temurin:17-jre) is the better choice: it gets security updates.
# Writes backend/target/base-image/jre17-base.tar (the `docker save` format Jib reads).
# Usage: scripts/local-base-image.sh            (needs a JDK 17 with jmods: JAVA_HOME or the java on PATH)
set -euo pipefail
cd "$(dirname "$0")/.."
jdk="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
out=backend/target/base-image
rm -rf "$out" && mkdir -p "$out"
root="$out/rootfs"

# A JRE with every module the JDK ships (as a JRE image has), made by jlink so nothing links back into /etc.
"$jdk/bin/jlink" --module-path "$jdk/jmods" --output "$root/opt/java" --strip-debug --no-header-files \
  --no-man-pages --add-modules ALL-MODULE-PATH

# The shared libraries it links against, the dynamic loader, and libgcc_s (glibc loads it at thread exit).
libs=$( { find "$root/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} + 2>/dev/null || true; } \
  | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// && $1 !~ /:$/ {print $1}' | grep -v "/base-image/rootfs/" | sort -u)
for lib in $libs /lib64/ld-linux-x86-64.so.2 "$(ldconfig -p | awk '/libgcc_s.so.1 .*x86-64/ {print $NF; exit}')"; do
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
done
# Debian's /lib and /lib64 are links into /usr; keep the paths the loader expects.
mkdir -p "$root/etc" "$root/tmp" "$root/app" "$root/home/unibox" "$root/proc" "$root/sys" "$root/dev"
chmod 1777 "$root/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\nunibox:x:1000:1000:unibox:/home/unibox:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\nunibox:x:1000:\n' > "$root/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$root/etc/nsswitch.conf"
chown 1000:1000 "$root/home/unibox" "$root/app" 2>/dev/null || true

tar --sort=name --numeric-owner --mtime='2000-01-01 00:00Z' -C "$root" -cf "$out/layer.tar" .
diff_id="sha256:$(sha256sum "$out/layer.tar" | cut -d' ' -f1)"
cat > "$out/config.json" <<JSON
{"architecture":"amd64","os":"linux",
 "config":{"Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]}}
JSON
echo '[{"Config":"config.json","RepoTags":["unibox-base/jre17:local"],"Layers":["layer.tar"]}]' > "$out/manifest.json"
tar -C "$out" -cf "$out/jre17-base.tar" manifest.json config.json layer.tar
[ -n "${KEEP_ROOTFS:-}" ] || rm -rf "$root"; rm -f "$out/layer.tar" "$out/config.json" "$out/manifest.json"
echo "$PWD/$out/jre17-base.tar"
