#include "io/xdmf.hpp"

#include <sstream>

namespace slabhydro {
namespace {

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

}  // namespace

std::string xdmf_text(const XdmfGrid& g) {
  std::ostringstream os;
  os.precision(17);
  const std::string file = xml_escape(g.h5_file);
  os << "<?xml version=\"1.0\" ?>\n"
     << "<!DOCTYPE Xdmf SYSTEM \"Xdmf.dtd\" []>\n"
     << "<Xdmf Version=\"2.0\">\n"
     << "  <Domain>\n"
     << "    <Grid Name=\"mesh\" GridType=\"Uniform\">\n"
     << "      <Time Value=\"" << g.time << "\"/>\n"
     << (g.lineage.empty()
             ? std::string()
             : "      <Information Name=\"lineage\" Value=\"" + xml_escape(g.lineage) + "\"/>\n")
     << "      <Topology TopologyType=\"2DRectMesh\" NumberOfElements=\"" << g.ny + 1 << " "
     << g.nx + 1 << "\"/>\n"
     << "      <Geometry GeometryType=\"VXVY\">\n"
     << "        <DataItem Dimensions=\"" << g.nx + 1
     << "\" NumberType=\"Float\" Precision=\"8\" Format=\"HDF\">" << file << ":"
     << xml_escape(g.x_nodes) << "</DataItem>\n"
     << "        <DataItem Dimensions=\"" << g.ny + 1
     << "\" NumberType=\"Float\" Precision=\"8\" Format=\"HDF\">" << file << ":"
     << xml_escape(g.y_nodes) << "</DataItem>\n"
     << "      </Geometry>\n";
  for (const XdmfField& f : g.fields)
    os << "      <Attribute Name=\"" << xml_escape(f.name)
       << "\" AttributeType=\"Scalar\" Center=\"Cell\">\n"
       << "        <DataItem Dimensions=\"" << g.ny << " " << g.nx
       << "\" NumberType=\"Float\" Precision=\"" << f.precision << "\" Format=\"HDF\">" << file
       << ":" << xml_escape(f.dataset) << "</DataItem>\n"
       << "      </Attribute>\n";
  os << "    </Grid>\n"
     << "  </Domain>\n"
     << "</Xdmf>\n";
  return os.str();
}

}  // namespace slabhydro
