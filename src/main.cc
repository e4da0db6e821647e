#include "cli/app.h"

int main(int argc, char** argv) { return solipraxis::cli::run(argc, argv); }
