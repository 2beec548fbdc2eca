// vgmsim entry point: global flags, subcommand dispatch, exit status
// (0 ok, 2 bad input, 1 internal error).
#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>

#include "app/Commands.h"
#include "app/HugeHeap.h"
#include "common/Error.h"
#include "common/Suggest.h"
#include "common/Text.h"
#include "models/Simulation.h"

extern "C" int sc_main(int argc, char** argv);  // the kernel calls it (C linkage, as SystemC declares it)

int main(int argc, char** argv) {
    vgm::app::useHugeHeap();
    return vgm::models::enterSystemC(argc, argv);
}

namespace {

void printUsage() {
    std::cout << "vgmsim " VGMSIM_VERSION
                 " - cycle-accurate simulator of FlightVGM-class FPGA accelerators\n\n"
                 "usage: vgmsim <command> [options]      (vgmsim <command> --help for details)\n\n"
                 "commands:\n";
    for (const auto& c : vgm::app::commands()) {
        std::string name = c.name;
        name.resize(14, ' ');
        std::cout << "  " << name << c.summary << "\n";
    }
    std::cout << "\nexit status: 0 ok, 2 bad input (config, trace, arguments), 1 internal error\n";
}

}  // namespace

int sc_main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    try {
        if (args.empty())
            throw vgm::InputError("no command given; usage: vgmsim <command> [options] (vgmsim --help lists the commands)");
        for (size_t i = 0; i < args.size(); ++i)
            if (!vgm::isValidUtf8(args[i]))
                throw vgm::InputError("argument " + std::to_string(i + 1) + " '" + args[i] +
                                      "' is not valid UTF-8; allowed: UTF-8 text (file names included)");
        if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
            printUsage();
            return 0;
        }
        if (args[0] == "--version" || args[0] == "-V") {
            std::cout << "vgmsim " VGMSIM_VERSION "\n";
            return 0;
        }
        std::vector<std::string> names;
        for (const auto& c : vgm::app::commands()) {
            names.push_back(c.name);
            if (args[0] == c.name) return c.fn(std::vector<std::string>(args.begin() + 1, args.end()));
        }
        throw vgm::InputError("unknown command '" + args[0] + "'" + vgm::didYouMean(args[0], names) +
                              "; allowed: " + vgm::joinNames(names));
    } catch (const vgm::InputError& e) {
        std::cerr << "error: " << vgm::escapeLine(e.what()) << "\n";  // one printable line, whatever was echoed
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "internal error: " << vgm::escapeLine(e.what()) << "\n";
        return 1;
    } catch (...) {
        std::cerr << "internal error: unknown exception\n";
        return 1;
    }
}
