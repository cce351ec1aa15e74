#include "app/command_text.hpp"

namespace slabhydro {

std::string yaml_quoted(const std::string& s) {
  std::string q = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') q += '\\';
    q += c;
  }
  return q + "\"";
}

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
  for (const std::string& s : cl.sets) c += " --set " + shell_word(s);
  if (!cl.output_dir.empty()) c += " --output-dir " + shell_word(cl.output_dir);
  return c + " --restart latest";
}

std::string command_summary(const CommandLine& cl) {
  std::string c = "slabhydro run " + shell_word(cl.deck);
  if (!cl.restart.empty()) c += " --restart " + shell_word(cl.restart);
  for (const std::string& s : cl.sets) c += " --set " + shell_word(s);
  if (!cl.output_dir.empty()) c += " --output-dir " + shell_word(cl.output_dir);
  return c.size() > 200 ? c.substr(0, 197) + "..." : c;
}

}  // namespace slabhydro
