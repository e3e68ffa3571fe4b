package dev.hookcheck.mock.internal.admin;

import dev.hookcheck.mock.internal.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/** Reads published files (schemas, the OpenAPI document) from the classpath, as users get them. */
final class PublishedFiles {
    private PublishedFiles() {}

    static boolean exists(String resource) {
        return PublishedFiles.class.getClassLoader().getResource(resource) != null;
    }

    static JsonNode json(String resource) {
        try (InputStream in = PublishedFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException(resource + " is not on the classpath");
            }
            return Json.MAPPER.readTree(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the files in a classpath folder, from a directory or a jar. */
    static List<String> list(String folder, String anyFileInIt) {
        try {
            URI uri = PublishedFiles.class.getClassLoader().getResource(folder + "/" + anyFileInIt).toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem jar;
                try {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    jar = FileSystems.getFileSystem(uri);
                }
                return names(jar.getPath(folder));
            }
            return names(Path.of(uri).getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
