# syntax=docker/dockerfile:1
# The failready container image (README "Container image": build, push, run). Its RUN steps are the
# scripts in packaging/, which DockerfileIT runs outside a container (no container engine on the
# build machines): the same build, the same install, then the installed entrypoint.

# Build stage: the shaded jar, without the tests (./test.sh runs those).
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 packaging/build-jar.sh

# Runtime stage: a JRE, the jar, and its class-data archives, built here for the jar at its final
# path so that the first run in a container starts as fast as the later ones.
FROM eclipse-temurin:17-jre
RUN --mount=type=bind,from=build,source=/src,target=/src /src/packaging/install.sh / /src/scanner/target/failready.jar
RUN useradd --system --uid 10001 --user-group --no-create-home --home-dir /data failready \
 && mkdir -p /data && chown failready:failready /data
# Reports go to failready-out/ under the working directory unless --out says otherwise: mount a
# volume at /data (or pass --out to a mounted path) to keep them.
WORKDIR /data
USER 10001:10001
ENTRYPOINT ["failready"]
CMD ["--help"]
