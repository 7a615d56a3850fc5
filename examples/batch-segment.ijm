// Hippo SNN: segment the hippocampus in every .nii, .nii.gz and .tif image of a folder.
// Writes one label image per input (same file name) and volumes.csv into the output folder.
//
// In Fiji: open this file and press Run; it asks for the folders.
// Headless or on a server (plain ImageJ 1.x works too, with the plugin jar in plugins/):
//   ImageJ -batch batch-segment.ijm "input=[/data/T1] output=[/data/labels] model=[/models/ann.zip]"
// Leave model out (or empty) to use the bundled model. Values with spaces go in [ ].

args = getArgument();
input = call("ij.Macro.getValue", args, "input", "");
output = call("ij.Macro.getValue", args, "output", "");
model = call("ij.Macro.getValue", args, "model", "");
if (input == "") input = getDirectory("Folder of T1 images");
if (output == "") output = getDirectory("Folder for the label images");

result = call("org.hipposnn.fiji.Macros.segmentFolder", input, output, model);
if (startsWith(result, "ERROR:")) exit(result);
print("Hippo SNN wrote " + result);
print(File.openAsString(result));
