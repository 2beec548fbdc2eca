// Model tests: libsystemc owns main(), so sc_main runs the Catch2 session.
// CTest runs each test case in its own process (catch_discover_tests).
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

int sc_main(int argc, char** argv) { return Catch::Session().run(argc, argv); }
