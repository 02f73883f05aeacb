# Registry Secrets as an image: built from source, run as a non-root user on a read-only root
# filesystem, with a class-data-sharing archive made at build time for a faster start.
#   docker build -t registry-secrets:0.1.0 .
# Kubernetes manifests: deploy/ (README, "Several replicas on Kubernetes").

FROM eclipse-temurin:17-jdk-noble AS build
# The build bundles the Launchpad with npm and Vite, which need Node.js 20.19 or newer.
COPY --from=node:22-bookworm-slim /usr/local/bin/node /usr/local/bin/node
COPY --from=node:22-bookworm-slim /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s /usr/local/lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests -Djacoco.skip=true package -pl registry-secrets-server -am

FROM eclipse-temurin:17-jre-noble
RUN groupadd --system --gid 10001 registry-secrets \
 && useradd --system --uid 10001 --gid 10001 --no-create-home registry-secrets
WORKDIR /opt/registry-secrets
COPY --from=build /src/registry-secrets-server/target/registry-secrets.jar /tmp/registry-secrets.jar
# The server's JVM options (registry-secrets-server/jvm.options), for the training run and the entrypoint.
COPY --from=build /src/registry-secrets-server/jvm.options /opt/registry-secrets/jvm.options
# Unpacked jar plus a CDS archive from a training run that answers its first requests and exits.
RUN java -Djarmode=tools -jar /tmp/registry-secrets.jar extract --force --destination /opt/registry-secrets \
 && rm /tmp/registry-secrets.jar \
 && REGSECRETS_DATA_DIR=/tmp/training java @jvm.options -XX:ArchiveClassesAtExit=registry-secrets.jsa \
      -Dregsecrets.training-run=true -jar registry-secrets.jar --server.address=127.0.0.1 \
 && rm -rf /tmp/training
USER 10001:10001
# The data folder holds the keys (copied from a Secret, see deploy/) and, without PostgreSQL, H2.
ENV REGSECRETS_DATA_DIR=/var/lib/registry-secrets \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:SharedArchiveFile=/opt/registry-secrets/registry-secrets.jsa"
EXPOSE 8080
ENTRYPOINT ["java", "@/opt/registry-secrets/jvm.options", "-jar", "/opt/registry-secrets/registry-secrets.jar"]
