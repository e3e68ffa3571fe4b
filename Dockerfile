# The Hookcheck image: the `hookcheck` command, `serve` (the mock provider) by default.
#
#   docker build -t hookcheck .
#   docker run --rm -p 8080:8080 -e HOOKCHECK_API_KEY=dev-key hookcheck
#   docker run --rm --network host hookcheck check --url http://localhost:3000/webhooks --profile standard --secret whsec_...
#
# Both base images are build arguments, so a build without registry access can use local ones
# (scripts/docker-smoke.sh builds Debian bases with debootstrap and passes them with --build-arg).
ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
# The poms alone first: the dependency layer is rebuilt only when a pom changes.
COPY pom.xml ./
COPY schemas/pom.xml schemas/
COPY core/pom.xml core/
COPY mock-server/pom.xml mock-server/
COPY conformance-tests/pom.xml conformance-tests/
COPY cli/pom.xml cli/
# modules the image does not build, but the root pom names
COPY junit/pom.xml junit/
COPY examples/pom.xml examples/
COPY reliability/pom.xml reliability/
RUN mvn -B -ntp -pl cli -am org.apache.maven.plugins:maven-dependency-plugin:3.8.1:go-offline
COPY schemas schemas
COPY core core
COPY mock-server mock-server
COPY conformance-tests conformance-tests
COPY cli cli
# Tests run in the project's own build (mvn verify), not in the image build.
RUN mvn -B -ntp -pl cli -am package -DskipTests

FROM ${RUNTIME_IMAGE}
LABEL org.opencontainers.image.title="hookcheck" \
      org.opencontainers.image.description="Conformance test kit and mock server for webhook consumers"
COPY docker/hookcheck docker/healthcheck /usr/local/bin/
RUN chmod 755 /usr/local/bin/hookcheck /usr/local/bin/healthcheck \
 && groupadd --gid 10001 hookcheck \
 && useradd --uid 10001 --gid hookcheck --home-dir /home/hookcheck --create-home --shell /usr/sbin/nologin hookcheck \
 && mkdir -p /config /work \
 && chown hookcheck:hookcheck /work
COPY --from=build /src/cli/target/hookcheck.jar /opt/hookcheck/hookcheck.jar
# Class data sharing archives for fast starts, made by this image's own JVM (an archive fits only the JVM
# and the jar it was made with): a training run of serve and check, some seconds.
COPY scripts/cds-archives.sh /opt/hookcheck/cds-archives.sh
RUN /opt/hookcheck/cds-archives.sh /opt/hookcheck/hookcheck.jar /opt/hookcheck \
 && chmod 444 /opt/hookcheck/hookcheck-serve.jsa /opt/hookcheck/hookcheck-check.jsa
# serve listens on every interface of the container (the command's own default is 127.0.0.1).
# Also read: HOOKCHECK_API_KEY, HOOKCHECK_CONFIG (for example /config/hookcheck.yaml, mounted),
# HOOKCHECK_SEED, HOOKCHECK_EVENTS, HOOKCHECK_TIME_SCALE; check reads HOOKCHECK_SECRET.
ENV HOOKCHECK_HOST=0.0.0.0 \
    HOOKCHECK_PORT=8080 \
    LANG=C.UTF-8
USER hookcheck
# check writes its reports to /work/hookcheck-report unless --report-dir says otherwise.
WORKDIR /work
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 CMD ["healthcheck"]
ENTRYPOINT ["hookcheck"]
CMD ["serve"]
