// Model tests: the kernel calls sc_main, which runs the Catch2 session.
// CTest runs each test case in its own process (catch_discover_tests).
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "models/Simulation.h"

extern "C" int sc_main(int argc, char** argv) { return Catch::Session().run(argc, argv); }

int main(int argc, char** argv) { return vgm::models::enterSystemC(argc, argv); }
