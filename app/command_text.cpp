#include "app/command_text.hpp"

namespace slabhydro {

std::string shell_word(const std::string& w) {
  if (!w.empty() && w.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                        "0123456789_-+=/.,:@%") == std::string::npos)
    return w;
  std::string q = "'";
  for (char c : w) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

std::string continue_command(const CommandLine& cl, int ranks) {
  std::string c = "mpirun -np " + std::to_string(ranks) + " slabhydro run " + shell_word(cl.deck);
  for (const Override& o : cl.overrides)
    if (o.words.front() != "--time-limit")  // a limit of this run, not of the next
      for (const std::string& w : o.words) c += " " + shell_word(w);
  return c + " --restart latest";
}

std::string command_summary(const CommandLine& cl) {
  std::string c = "slabhydro run " + shell_word(cl.deck);
  if (!cl.restart.empty()) c += " --restart " + shell_word(cl.restart);
  for (const Override& o : cl.overrides)
    for (const std::string& w : o.words) c += " " + shell_word(w);
  return c.size() > 200 ? c.substr(0, 197) + "..." : c;
}

}  // namespace slabhydro
