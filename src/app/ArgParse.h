#pragma once
// Boost.Program_options glue shared by the subcommands: parse, turn every
// parse error into a one-line InputError, print --help.
#include <boost/program_options.hpp>
#include <string>

#include "app/Commands.h"

namespace vgm::app {

namespace po = boost::program_options;

// Parses args against opts (plus positional, if given). Returns false when
// --help was requested and printed (the command should then return 0).
bool parseArgs(const std::string& command, const std::string& usage, const Args& args,
               po::options_description& opts, po::variables_map& vm,
               const po::positional_options_description* positional = nullptr);

}  // namespace vgm::app
