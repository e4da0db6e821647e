// Files compiled into the binary (see cmake/embed.cmake), e.g. SQL migrations.
#pragma once

#include <string>
#include <vector>

namespace solipraxis::core {

struct EmbeddedFile {
  std::string path;     // relative to the embedding base directory, '/'-separated
  std::string content;  // raw bytes
};

}  // namespace solipraxis::core
