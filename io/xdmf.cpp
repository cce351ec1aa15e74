#include "io/xdmf.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "common/error.hpp"
#include "io/file_ops.hpp"
#include "io/output_catalog.hpp"

namespace slabhydro {
namespace {

const char* const kHead =
    "<?xml version=\"1.0\" ?>\n"
    "<!DOCTYPE Xdmf SYSTEM \"Xdmf.dtd\" []>\n"
    "<Xdmf Version=\"2.0\">\n"
    "  <Domain>\n";
const char* const kTail =
    "    </Grid>\n"
    "  </Domain>\n"
    "</Xdmf>\n";

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string lineage_element(const std::string& lineage, const char* indent) {
  if (lineage.empty()) return "";
  return std::string(indent) + "<Information Name=\"lineage\" Value=\"" + xml_escape(lineage) +
         "\"/>\n";
}

std::string collection_open(const std::string& name) {
  return "    <Grid Name=\"" + xml_escape(name) +
         "\" GridType=\"Collection\" CollectionType=\"Temporal\">\n";
}

// The <Grid GridType="Uniform"> element of one plot file, indented for a
// temporal collection.
std::string uniform_grid(const XdmfGrid& g) {
  std::ostringstream os;
  os.precision(17);
  const std::string file = "./" + xml_escape(g.h5_file) + ":";
  const auto data = [&](const std::string& dims, int precision, const std::string& dataset) {
    return "<DataItem Dimensions=\"" + dims + "\" NumberType=\"Float\" Precision=\"" +
           std::to_string(precision) + "\" Format=\"HDF\">" + file + xml_escape(dataset) +
           "</DataItem>\n";
  };
  os << "      <Grid Name=\"" << xml_escape(g.name) << "\" GridType=\"Uniform\">\n"
     << "        <Time Value=\"" << g.time << "\"/>\n"
     << lineage_element(g.lineage, "        ")
     << "        <Topology TopologyType=\"3DRectMesh\" NumberOfElements=\"2 " << g.ny + 1 << " "
     << g.nx + 1 << "\"/>\n"
     << "        <Geometry GeometryType=\"VXVYVZ\">\n"
     << "          " << data(std::to_string(g.nx + 1), 8, g.x_nodes) << "          "
     << data(std::to_string(g.ny + 1), 8, g.y_nodes)
     << "          <DataItem Dimensions=\"2\" NumberType=\"Float\" Precision=\"8\" "
        "Format=\"XML\">0 "
     << g.dz << "</DataItem>\n"
     << "        </Geometry>\n";
  const std::string cells = "1 " + std::to_string(g.ny) + " " + std::to_string(g.nx);
  for (const XdmfField& f : g.fields)
    os << "        <Attribute Name=\"" << xml_escape(f.name)
       << "\" AttributeType=\"Scalar\" Center=\"Cell\">\n"
       << "          " << data(cells, f.precision, f.dataset) << "        </Attribute>\n";
  os << "      </Grid>\n";
  return os.str();
}

// The text of a (small) file, or "" if it cannot be read.
std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream os;
  os << in.rdbuf();
  return in ? os.str() : std::string();
}

// The uniform grid of a sidecar's text as uniform_grid() wrote it, or "" if
// it has none (another format) or carries another lineage.
std::string grid_of_sidecar(const std::string& text, const std::string& lineage) {
  const auto uniform = text.find("GridType=\"Uniform\"");
  if (uniform == std::string::npos) return "";
  const auto open = text.rfind("<Grid ", uniform);
  const auto close = text.find("</Grid>", uniform);
  if (open == std::string::npos || close == std::string::npos) return "";
  const auto line = text.rfind('\n', open);
  const auto from = line == std::string::npos ? open : line + 1;
  std::string grid = text.substr(from, close + 7 - from) + "\n";
  if (grid.find("3DRectMesh") == std::string::npos) return "";
  if (!lineage.empty() && grid.find("<Information Name=\"lineage\" Value=\"" + xml_escape(lineage) +
                                    "\"/>") == std::string::npos)
    return "";
  return grid;
}

}  // namespace

std::string xdmf_text(const XdmfGrid& g) {
  return kHead + collection_open(g.name) + uniform_grid(g) + kTail;
}

void write_xdmf_file(const std::string& path, const std::string& text, const std::string& tag) {
  const std::string tmp = tmp_name(path, tag);
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) throw Error("cannot write '" + tmp + "'");
  }
  fsync_file(tmp);
  commit_rename(tmp, path);
}

std::string xdmf_series_name(const std::string& basename) { return basename + "_plt.xmf"; }

int write_xdmf_series(const std::string& dir, const std::string& basename,
                      const std::string& lineage, const std::string& tag) {
  std::vector<OutputFile> files = list_outputs(dir, basename);
  std::reverse(files.begin(), files.end());  // lowest step first
  std::string grids;
  int listed = 0;
  for (const OutputFile& f : files) {
    if (f.kind != OutputKind::plot_xdmf || f.tmp || !f.exact || !is_plain_file(f.path)) continue;
    if (!is_plain_file(join_path(dir, plot_name(basename, f.step)))) continue;
    const std::string grid = grid_of_sidecar(read_text(f.path), lineage);
    if (grid.empty()) continue;
    grids += grid;
    ++listed;
  }
  const std::string text = kHead + collection_open(basename + "_plt") +
                           lineage_element(lineage, "      ") + grids + kTail;
  write_xdmf_file(join_path(dir, xdmf_series_name(basename)), text, tag);
  return listed;
}

}  // namespace slabhydro
