# Production image: builds the application with Maven, runs it on a Java 17 JRE.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
RUN mvn -B -q dependency:go-offline
COPY src ./src
COPY bpmn ./bpmn
COPY forms ./forms
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --home /app tna
WORKDIR /app
COPY --from=build /src/target/reseau-tna.jar /app/reseau-tna.jar
USER tna
ENV TZ=Europe/Paris SPRING_PROFILES_ACTIVE=prod
EXPOSE 8080
ENTRYPOINT ["java", "-Duser.timezone=Europe/Paris", "-jar", "/app/reseau-tna.jar"]
