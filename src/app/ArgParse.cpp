#include "app/ArgParse.h"

#include <iostream>

#include "common/Error.h"

namespace vgm::app {

bool parseArgs(const std::string& command, const std::string& usage, const Args& args,
               po::options_description& opts, po::variables_map& vm,
               const po::positional_options_description* positional) {
    opts.add_options()("help,h", "show this help");
    try {
        po::command_line_parser parser(args);
        parser.options(opts);
        if (positional) parser.positional(*positional);
        po::store(parser.run(), vm);
        if (vm.count("help")) {
            std::cout << "usage: vgmsim " << command << " " << usage << "\n\n" << opts;
            return false;
        }
        po::notify(vm);
    } catch (const po::error& e) {
        throw InputError("vgmsim " + command + ": " + e.what() + " (see vgmsim " + command + " --help)");
    }
    return true;
}

}  // namespace vgm::app
