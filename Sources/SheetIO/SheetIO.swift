public enum SheetIOVersion { public static let string = "0.1.0" }
