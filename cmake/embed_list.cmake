# Embeds several UTF-8 text files as a comma-separated list of C++ raw string literals, to be
# #included inside an array initialiser: cmake -DOUT=… -DFILES="a|b" -P embed_list.cmake
string(REPLACE "|" ";" FILES "${FILES}")
set(text "// Generated; do not edit.\n")
foreach(f ${FILES})
  file(READ "${f}" content)
  string(APPEND text "R\"tousu_embed(${content})tousu_embed\",\n")
endforeach()
file(WRITE "${OUT}.tmp" "${text}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
