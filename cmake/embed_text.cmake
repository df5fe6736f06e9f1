# Embeds a UTF-8 text file as a C++ raw string literal: cmake -DIN=… -DOUT=… -P embed_text.cmake
file(READ "${IN}" content)
file(WRITE "${OUT}.tmp" "// Generated from ${IN}; do not edit.\nR\"tousu_embed(${content})tousu_embed\"\n")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
