#pragma once
#include <string>

namespace vgm::dse {

// The running executable (/proc/self/exe), so sweep points and golden cases
// run exactly the binary the user invoked.
std::string selfExe();

}  // namespace vgm::dse
