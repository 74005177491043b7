import CZip
import CLibXML2
import CXlsxWriter
