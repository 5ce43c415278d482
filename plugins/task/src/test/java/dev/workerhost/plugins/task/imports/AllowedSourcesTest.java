package dev.workerhost.plugins.task.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllowedSourcesTest {

    @TempDir
    Path dir;

    private Path imports;
    private AllowedSources sources;

    @BeforeEach
    void anImportFolderBesideASecret() throws Exception {
        imports = Files.createDirectory(dir.resolve("imports"));
        Files.writeString(dir.resolve("secret.csv"), "password\nhunter2\n");
        sources = new AllowedSources(List.of(imports), List.of(UrlPrefix.parse("https://files.example.com/exports")));
    }

    @Test
    void aFileInsideAnAllowedFolderIsOpenedByItsRealPath() throws Exception {
        Path file = Files.writeString(imports.resolve("events.csv"), "event_name\n");

        assertThat(sources.regularFile(file, "f")).isEqualTo(file.toRealPath());
    }

    @Test
    void aFileOutsideTheFoldersIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> sources.regularFile(Path.of("/etc/passwd"), "file:///etc/passwd"))
                .isInstanceOf(UnusableSourceException.class)
                .hasMessage("file:///etc/passwd is outside the import folders (" + imports + ")")
                .extracting(e -> ((UnusableSourceException) e).hint())
                .isEqualTo("move the file into one of them or add its folder to plugins.task.sources.folders");
    }

    @Test
    void dotDotCannotLeaveAFolder() {
        Path escape = imports.resolve("../secret.csv");

        assertThatThrownBy(() -> sources.regularFile(escape, "u")).isInstanceOf(UnusableSourceException.class)
                .hasMessageContaining("is outside the import folders");
    }

    @Test
    void aSymbolicLinkInsideAFolderToAFileOutsideIsRefused() throws Exception {
        Path link = Files.createSymbolicLink(imports.resolve("link.csv"), dir.resolve("secret.csv"));
        Path linkedFolder = Files.createSymbolicLink(imports.resolve("up"), dir);

        assertThatThrownBy(() -> sources.regularFile(link, "u")).isInstanceOf(UnusableSourceException.class)
                .hasMessageContaining("is outside the import folders");
        assertThatThrownBy(() -> sources.regularFile(linkedFolder.resolve("secret.csv"), "u"))
                .isInstanceOf(UnusableSourceException.class)
                .hasMessageContaining("is outside the import folders");
    }

    @Test
    void anAllowedFolderThatIsItselfALinkAdmitsItsFiles() throws Exception {
        Path real = Files.createDirectory(dir.resolve("real"));
        Path file = Files.writeString(real.resolve("events.csv"), "event_name\n");
        Path linkedFolder = Files.createSymbolicLink(dir.resolve("linked"), real);
        AllowedSources viaLink = new AllowedSources(List.of(linkedFolder), List.of());

        assertThat(viaLink.regularFile(linkedFolder.resolve("events.csv"), "u")).isEqualTo(file.toRealPath());
    }

    @Test
    void aMissingFileIsNotFoundInsideAndRefusedOutside() {
        assertThatThrownBy(() -> sources.regularFile(imports.resolve("missing.csv"), "file:///missing.csv"))
                .isInstanceOf(UnusableSourceException.class)
                .hasMessage("file not found: file:///missing.csv");
        assertThatThrownBy(() -> sources.regularFile(dir.resolve("missing.csv"), "u"))
                .isInstanceOf(UnusableSourceException.class)
                .hasMessageContaining("is outside the import folders");
    }

    @Test
    void aDirectoryOrADeviceIsNotAnImportFile() throws Exception {
        Path sub = Files.createDirectory(imports.resolve("sub"));
        AllowedSources withDev = new AllowedSources(List.of(Path.of("/dev")), List.of());

        assertThatThrownBy(() -> sources.regularFile(sub, "file:///sub")).isInstanceOf(UnusableSourceException.class)
                .hasMessage("file:///sub is a directory");
        assertThatThrownBy(() -> withDev.regularFile(Path.of("/dev/zero"), "file:///dev/zero")).isInstanceOf(UnusableSourceException.class)
                .hasMessage("file:///dev/zero is not a regular file");
    }

    @Test
    void aUrlMustLieUnderAPrefixSegmentBySegment() {
        sources.checkUrl(URI.create("https://files.example.com/exports/events.csv"), null);
        sources.checkUrl(URI.create("HTTPS://Files.Example.com:443/exports/a/b.json"), null);

        for (String refused : List.of("https://files.example.com/exports-private/a.csv",
                "https://files.example.com/other.csv", "http://files.example.com/exports/a.csv",
                "https://files.example.com:8443/exports/a.csv", "https://files.example.com.evil.org/exports/a.csv",
                "https://files.example.com/exports/../secret", "https://files.example.com/exports/%2e%2e/secret",
                "https://user@files.example.com/exports/a.csv", "http://127.0.0.1:8080/exports/a.csv")) {
            assertThatThrownBy(() -> sources.checkUrl(URI.create(refused), null)).as(refused)
                    .isInstanceOf(UnusableSourceException.class)
                    .hasMessageEndingWith("is not under an allowed URL prefix (allowed:"
                            + " https://files.example.com:443/exports)");
        }
    }

    @Test
    void withoutPrefixesNoUrlIsAllowed() {
        AllowedSources none = new AllowedSources(List.of(imports), List.of());

        assertThatThrownBy(() -> none.checkUrl(URI.create("http://127.0.0.1/secret"), null))
                .hasMessage("http://127.0.0.1/secret is not under an allowed URL prefix (none are allowed)")
                .extracting(e -> ((UnusableSourceException) e).hint())
                .isEqualTo("add its prefix to plugins.task.sources.url-prefixes to import from there");
    }

    @Test
    void aPrefixThatIsNoHttpUrlIsAConfigurationErrorNamingTheKey() {
        for (String invalid : List.of("ftp://files.example.com/", "/exports", "https://files.example.com/a?b=c",
                "https://u:p@files.example.com/", "https://files.example.com/a/../b")) {
            assertThatThrownBy(() -> UrlPrefix.parse(invalid)).as(invalid)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("plugins.task.sources.url-prefixes: \"" + invalid + "\" is not a URL prefix");
        }
    }
}
