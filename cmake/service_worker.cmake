# Writes the site's service worker with this build's version: a hash over every file it caches, so
# any change to any of them makes a new worker and a new cache (web/sw.js).
# cmake -DIN=web/sw.js -DOUT=<site>/sw.js -DSITE=<site> -P service_worker.cmake
set(hashes "")
foreach(f index.html app.css manifest.webmanifest icon.svg tousu-font.ttf tousu.js tousu.wasm)
  file(SHA256 "${SITE}/${f}" h)
  string(APPEND hashes "${h}")
endforeach()
string(SHA256 version "${hashes}")
string(SUBSTRING "${version}" 0 16 version)
file(READ "${IN}" text)
string(REPLACE "@TOUSU_BUILD@" "${version}" text "${text}")
file(WRITE "${OUT}.tmp" "${text}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
