// A generated project's ./mvnw must be executable, as it is in Roundtable's own repository.
def mvnw = new File(request.outputDirectory, request.artifactId + "/mvnw")
mvnw.setExecutable(true, false)
